package vn.govsdk.testkit.internal.pki;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM (RFC 7468) text for certificates and PKCS#8 private keys. */
public final class Pem {

    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /**
     * Encodes DER bytes under a PEM label.
     *
     * @param label the label, for example {@code CERTIFICATE}
     * @param der the DER bytes
     * @return the PEM block, ending with a newline
     */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label
                + "-----\n";
    }

    /**
     * Encodes a certificate.
     *
     * @param certificate the certificate
     * @return its PEM block
     */
    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /**
     * Encodes certificates one after the other, in the order given.
     *
     * @param certificates the certificates
     * @return the PEM blocks
     */
    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            out.append(certificate(certificate));
        }
        return out.toString();
    }

    /**
     * Encodes a private key as unencrypted PKCS#8 ({@code PRIVATE KEY}).
     *
     * @param key the key; its encoding format must be PKCS#8
     * @return the PEM block
     */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key must be PKCS#8-encodable, format is " + key.getFormat());
        }
        return encode("PRIVATE KEY", key.getEncoded());
    }
}
