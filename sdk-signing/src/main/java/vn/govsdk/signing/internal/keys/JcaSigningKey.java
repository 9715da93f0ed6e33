package vn.govsdk.signing.internal.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;

/** A JCA private key (from a PKCS#12 file, a SunPKCS11 key store or the application) with its chain. */
public class JcaSigningKey implements SigningKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final Provider provider;

    /**
     * Creates the key.
     *
     * @param privateKey the private key
     * @param chain the chain, signer first
     * @param provider the provider to sign with, or {@code null} for the default
     */
    public JcaSigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
        if (privateKey == null) {
            throw new InvalidInputException("privateKey", "must not be null");
        }
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("certificateChain", "must hold at least the signer's certificate");
        }
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.provider = provider;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] dataToSign, SignatureAlgorithm algorithm) {
        Objects.requireNonNull(dataToSign, "dataToSign");
        Objects.requireNonNull(algorithm, "algorithm");
        algorithm.checkKey(certificate().getPublicKey());
        try {
            Signature s = algorithm.newSignature(provider);
            s.initSign(privateKey);
            s.update(dataToSign);
            return s.sign();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new SigningException("the key of " + certificate().getSubjectX500Principal().getName()
                    + " could not sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the provider used to sign.
     *
     * @return the provider, or {@code null} for the default
     */
    protected Provider provider() {
        return provider;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
