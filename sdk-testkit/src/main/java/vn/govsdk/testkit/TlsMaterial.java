package vn.govsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust a client needs to call a mock platform started with HTTPS: the platform generates its own
 * root certificate authority and a server certificate for {@code localhost} and {@code 127.0.0.1}
 * signed by it, and hands out the root here. Clients trust exactly this root and nothing else; there
 * is no trust-all option anywhere in govsdk.
 *
 * <pre>{@code
 * TlsMaterial tls = platform.tls().orElseThrow();
 * OkHttpClient client = new OkHttpClient.Builder()
 *         .sslSocketFactory(tls.sslSocketFactory(), tls.trustManager())
 *         .build();
 * }</pre>
 *
 * <p>Outside Java, write the root to a file with {@link #writeRootCertificatePem(Path)} and pass
 * it to the tool ({@code curl --cacert root.pem}). The platform also serves it at {@code /__admin/tls/root.pem}.
 */
public final class TlsMaterial {
    private final X509Certificate root;
    private final String rootPem;
    private final X509TrustManager trustManager;
    private final SSLContext sslContext;

    TlsMaterial(X509Certificate root, String rootPem, X509TrustManager trustManager, SSLContext sslContext) {
        this.root = Objects.requireNonNull(root, "root");
        this.rootPem = Objects.requireNonNull(rootPem, "rootPem");
        this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    }

    /**
     * Returns the root certificate that signed the platform's server certificate.
     *
     * @return the root certificate
     */
    public X509Certificate rootCertificate() {
        return root;
    }

    /**
     * Returns the root certificate in PEM form.
     *
     * @return the PEM text, {@code -----BEGIN CERTIFICATE-----} and so on
     */
    public String rootCertificatePem() {
        return rootPem;
    }

    /**
     * Writes the root certificate in PEM form to a file, for tools such as {@code curl --cacert FILE}.
     *
     * @param file the file to write (replaced if it exists)
     * @return the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writeRootCertificatePem(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.writeString(file, rootPem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the root certificate to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a trust manager that trusts the platform's root and nothing else.
     *
     * @return the trust manager
     */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /**
     * Returns a TLS context whose trust is {@link #trustManager()}.
     *
     * @return the context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Returns a socket factory whose trust is {@link #trustManager()}.
     *
     * @return the socket factory
     */
    public SSLSocketFactory sslSocketFactory() {
        return sslContext.getSocketFactory();
    }

    /**
     * Returns an in-memory trust store (PKCS#12 type, no password) holding the root, for clients
     * configured with a {@link KeyStore}.
     *
     * @return a new trust store
     */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("govsdk-mock-root", root);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    /**
     * Names the root certificate's subject.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TlsMaterial[root=" + root.getSubjectX500Principal().getName() + "]";
    }
}
