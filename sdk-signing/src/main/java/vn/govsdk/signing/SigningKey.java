package vn.govsdk.signing;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.internal.keys.JcaSigningKey;
import vn.govsdk.signing.internal.keys.Pkcs11SigningKey;
import vn.govsdk.signing.internal.keys.Pkcs12Loader;

/**
 * A private key that can sign, with its certificate chain: in a PKCS#12 file, on a USB token or HSM
 * (PKCS#11), in any JCA key store, or with a remote signing service that implements this interface.
 *
 * <p>The key signs the bytes a {@link PreparedSignature} gives ({@link PreparedSignature#dataToSign()})
 * with the algorithm it names; an implementation that can only sign a hash (a remote service) hashes
 * them with {@link SignatureAlgorithm#digestAlgorithm()} itself. Implementations must be thread-safe.
 * Closing a key logs out of its token; keys in files need no closing.
 */
public interface SigningKey extends AutoCloseable {

    /**
     * Returns the certificate chain: the signer's certificate first, then its issuers as far as
     * they are known (the root may be absent).
     *
     * @return the chain, never empty
     */
    List<X509Certificate> certificateChain();

    /**
     * Returns the signer's certificate, the first of {@link #certificateChain()}.
     *
     * @return the signer's certificate
     */
    default X509Certificate certificate() {
        return certificateChain().get(0);
    }

    /**
     * Signs data with the given algorithm.
     *
     * @param dataToSign the bytes to sign, as {@link PreparedSignature#dataToSign()} gives them
     * @param algorithm the algorithm, matching the key's type
     * @return the signature value in JCA encoding: PKCS#1 or PSS bytes for RSA, a DER
     *         {@code SEQUENCE {r, s}} for ECDSA
     * @throws SigningException if the key, token or service refuses or fails
     */
    byte[] sign(byte[] dataToSign, SignatureAlgorithm algorithm);

    /** Releases the key (logs out of a token). The default does nothing. */
    @Override
    default void close() {
    }

    /**
     * Opens the only private key of a PKCS#12 file ({@code .p12} or {@code .pfx}).
     *
     * @param file the PKCS#12 file
     * @param password the file's password, for example {@code Secret.fromFile(passwordFile)}
     * @return the key with its chain
     * @throws vn.govsdk.core.InvalidInputException if the file is missing or holds no or several keys
     * @throws SigningException if the password is wrong or the file is damaged
     */
    static SigningKey pkcs12(Path file, Secret password) {
        return Pkcs12Loader.load(file, password, null);
    }

    /**
     * Opens one private key of a PKCS#12 file by its alias (friendly name).
     *
     * @param file the PKCS#12 file
     * @param password the file's password
     * @param alias the alias of the key entry
     * @return the key with its chain
     * @throws vn.govsdk.core.InvalidInputException if the file is missing or has no such alias
     * @throws SigningException if the password is wrong or the file is damaged
     */
    static SigningKey pkcs12(Path file, Secret password, String alias) {
        return Pkcs12Loader.load(file, password, alias);
    }

    /**
     * Opens a key on a PKCS#11 token or HSM through the JDK's SunPKCS11 provider. The key and its
     * certificate are paired by {@code CKA_ID}, and failing that by public key, so they are found
     * even when their labels differ.
     *
     * @param config the module, slot or token label, PIN source and optional key selection
     * @return the key; close it to log out
     * @throws SigningException if the module cannot be loaded, the PIN is refused or no key is found
     */
    static SigningKey pkcs11(Pkcs11Config config) {
        return Pkcs11SigningKey.open(config);
    }

    /**
     * Wraps a JCA private key, for example from a key store the application manages.
     *
     * @param privateKey the private key
     * @param certificateChain the chain, signer first
     * @return the key
     */
    static SigningKey of(PrivateKey privateKey, List<X509Certificate> certificateChain) {
        return new JcaSigningKey(privateKey, certificateChain, null);
    }

    /**
     * Wraps a JCA private key that must be used with a given provider (for example an HSM's).
     *
     * @param privateKey the private key
     * @param certificateChain the chain, signer first
     * @param provider the provider whose {@code Signature} implementations handle the key
     * @return the key
     */
    static SigningKey of(PrivateKey privateKey, List<X509Certificate> certificateChain, Provider provider) {
        return new JcaSigningKey(privateKey, certificateChain, provider);
    }
}
