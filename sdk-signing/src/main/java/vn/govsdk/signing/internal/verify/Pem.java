package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads certificates from PEM (one or many) or DER. */
public final class Pem {

    private Pem() {
    }

    /**
     * Reads every certificate in PEM text (text outside the BEGIN/END blocks is ignored) or one DER certificate.
     *
     * @param bytes the file contents
     * @return the certificates
     * @throws CertificateException if nothing can be read
     */
    public static List<X509Certificate> certificates(byte[] bytes) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        List<X509Certificate> out = new ArrayList<>();
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            int from = 0;
            while (true) {
                int begin = text.indexOf("-----BEGIN CERTIFICATE-----", from);
                if (begin < 0) {
                    break;
                }
                int end = text.indexOf("-----END CERTIFICATE-----", begin);
                if (end < 0) {
                    throw new CertificateException("a PEM certificate block is not closed");
                }
                end += "-----END CERTIFICATE-----".length();
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(
                        text.substring(begin, end).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
                from = end;
            }
            return out;
        }
        Collection<? extends Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(bytes));
        for (Certificate c : certs) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return out;
    }
}
