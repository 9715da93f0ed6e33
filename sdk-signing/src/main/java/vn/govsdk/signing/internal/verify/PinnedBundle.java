package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.internal.Certs;

/**
 * The default trust bundle in the jar: the Vietnamese roots and intermediates of
 * {@code ../shared/trust/}, each refused unless its SHA-256 fingerprint matches the pin below.
 */
public final class PinnedBundle {

    /** The bundled files and their SHA-256 fingerprints, as the trust README lists them. */
    public static final Map<String, String> PINS;

    static {
        Map<String, String> pins = new LinkedHashMap<>();
        pins.put("vnrca256.pem", "BA:C8:BF:60:9A:B4:20:A8:EE:17:80:D7:4F:4D:E5:C7:F7:18:49:59:D2:A7:37:5B:0A:75:E4:C2:9F:09:08:E7");
        pins.put("rootcag2.pem", "F0:4B:A4:B4:59:A7:C9:A1:B9:71:AD:9B:1C:B8:33:E6:95:A8:0C:79:AE:A6:3B:17:4B:66:A7:0E:DF:E2:FD:B8");
        pins.put("cpcag2.pem", "D8:CA:B7:A4:AE:F9:2E:6B:B2:50:9D:7C:61:CE:E7:B4:4F:37:31:B2:D2:10:74:96:35:30:27:7B:36:6F:AE:4B");
        pins.put("vnpt-ca-sha2.pem", "7D:6B:A5:24:53:17:F9:ED:5D:8B:C7:65:A4:63:4D:26:AC:63:40:D3:6B:9F:58:4D:F3:B5:2D:9C:4A:81:A3:06");
        PINS = Map.copyOf(pins);
    }

    private static final List<String> ORDER = List.of("vnrca256.pem", "rootcag2.pem", "cpcag2.pem", "vnpt-ca-sha2.pem");

    private PinnedBundle() {
    }

    /**
     * Loads the bundle from the jar.
     *
     * @return the certificates, in a fixed order
     * @throws IllegalStateException if a file is missing or its fingerprint does not match its pin
     */
    public static List<X509Certificate> load() {
        return load(name -> PinnedBundle.class.getResourceAsStream("/vn/govsdk/signing/trust/" + name), PINS);
    }

    /**
     * Loads certificates through a resource opener and checks each against its pin.
     *
     * @param opener opens a file by name, or returns {@code null} if it is missing
     * @param pins file name to fingerprint (hex, colons optional)
     * @return the certificates
     * @throws IllegalStateException naming the file if it is missing, unreadable or does not match its pin
     */
    public static List<X509Certificate> load(Function<String, InputStream> opener, Map<String, String> pins) {
        List<X509Certificate> out = new ArrayList<>();
        List<String> names = new ArrayList<>(ORDER.stream().filter(pins::containsKey).toList());
        pins.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
        for (String name : names) {
            byte[] bytes;
            try (InputStream in = opener.apply(name)) {
                if (in == null) {
                    throw new IllegalStateException("trust bundle file " + name + " is missing from the jar");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("trust bundle file " + name + " cannot be read", e);
            }
            List<X509Certificate> certs;
            try {
                certs = Pem.certificates(bytes);
            } catch (CertificateException e) {
                throw new IllegalStateException("trust bundle file " + name + " is not a certificate", e);
            }
            if (certs.size() != 1) {
                throw new IllegalStateException("trust bundle file " + name + " must hold exactly one certificate, holds "
                        + certs.size());
            }
            X509Certificate cert = certs.get(0);
            String actual = fingerprint(cert);
            String expected = normalise(pins.get(name));
            if (!actual.equals(expected)) {
                throw new IllegalStateException("trust bundle file " + name + " (" + Certs.subject(cert)
                        + ") has SHA-256 fingerprint " + actual + " but is pinned to " + expected
                        + "; refusing to trust it");
            }
            out.add(cert);
        }
        return out;
    }

    /**
     * Returns a certificate's SHA-256 fingerprint, upper-case hex with colons.
     *
     * @param cert the certificate
     * @return the fingerprint
     */
    public static String fingerprint(X509Certificate cert) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(DigestAlgorithm.SHA256.digest(Certs.encoded(cert)));
    }

    private static String normalise(String fp) {
        String hex = fp.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
