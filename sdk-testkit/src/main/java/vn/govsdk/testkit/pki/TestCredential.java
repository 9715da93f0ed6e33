package vn.govsdk.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.testkit.internal.pki.Pem;

/**
 * A private key with its certificate and chain, from a {@link TestPki}: what a signer needs, and what
 * can be exported for other tools (PKCS#12 or PEM). Immutable. Its {@link #toString()} names the
 * certificate, never the key.
 */
public final class TestCredential {

    private final CertificateRole role;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    TestCredential(CertificateRole role, PrivateKey privateKey, List<X509Certificate> chain) {
        this.role = role;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Returns the role of this credential in its PKI.
     *
     * @return the role
     */
    public CertificateRole role() {
        return role;
    }

    /**
     * Returns the private key (RSA or EC, PKCS#8-encodable).
     *
     * @return the private key
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Returns the certificate of this credential.
     *
     * @return the certificate
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Returns the certificate chain, from this credential's certificate to the root CA included.
     *
     * @return the chain, leaf first, unmodifiable
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Exports the key and chain as a PKCS#12 key store (the JDK's PKCS12 format: PBES2 with AES-256
     * and an HMAC-SHA256 integrity check), with one entry whose alias is {@link CertificateRole#alias()}.
     *
     * @param password the password protecting the store and the key; not empty, printable ASCII
     * @return the PKCS#12 bytes
     * @throws InvalidInputException when the password is null, empty or not printable ASCII
     */
    public byte[] toPkcs12(char[] password) {
        if (password == null || password.length == 0) {
            throw new InvalidInputException("password", "must not be null or empty");
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidInputException("password",
                        "must be printable ASCII, since the JDK's PKCS#12 encryption takes nothing else");
            }
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(role.alias(), privateKey, password, chain.toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot export " + role + " as PKCS#12", e);
        }
    }

    /**
     * Writes {@link #toPkcs12(char[])} to a file, replacing it if it exists.
     *
     * @param file the file to write
     * @param password the password protecting the store and the key; not empty, printable ASCII
     * @throws InvalidInputException when the file is null or the password is refused
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writePkcs12(Path file, char[] password) {
        if (file == null) {
            throw new InvalidInputException("file", "must not be null");
        }
        byte[] bytes = toPkcs12(password);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PKCS#12 file " + file, e);
        }
    }

    /**
     * Returns the certificate chain as PEM, leaf first, root last.
     *
     * @return the {@code CERTIFICATE} blocks
     */
    public String chainPem() {
        return Pem.certificates(chain);
    }

    /**
     * Returns the certificate alone as PEM.
     *
     * @return the {@code CERTIFICATE} block
     */
    public String certificatePem() {
        return Pem.certificate(certificate());
    }

    /**
     * Returns the private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). Test keys
     * only: never do this with a real key.
     *
     * @return the {@code PRIVATE KEY} block
     */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    /**
     * Returns the private key (PKCS#8) followed by the certificate chain, as one PEM text that
     * {@code openssl}, {@code curl --cert} and most servers read.
     *
     * @return {@link #privateKeyPem()} then {@link #chainPem()}
     */
    public String toPem() {
        return privateKeyPem() + chainPem();
    }

    /**
     * Names the credential by role, subject, serial number and key algorithm; never shows the key.
     *
     * @return the description
     */
    @Override
    public String toString() {
        X509Certificate certificate = certificate();
        return "TestCredential[" + role + ", subject=" + certificate.getSubjectX500Principal().getName()
                + ", serial=" + certificate.getSerialNumber().toString(16) + ", key=" + privateKey.getAlgorithm()
                + "]";
    }

    /**
     * Two credentials are equal when they have the same role and the same certificate chain.
     *
     * @param other the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TestCredential that && role == that.role && chain.equals(that.chain);
    }

    /**
     * Returns a hash of the role and chain.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(role, chain);
    }
}
