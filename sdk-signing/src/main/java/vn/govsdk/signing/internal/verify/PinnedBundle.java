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
 * The trust bundles in the jar, each file refused unless its SHA-256 fingerprint matches the pin below:
 * the default one (the two Vietnamese roots, and the intermediates of the licensed public CAs and of Ban
 * Cơ yếu as chain-building certificates) and the historic one (Vietnam's first-generation PKI, opt-in).
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
        // Intermediates of licensed public CAs (under vnrca256) and of Ban Cơ yếu (under rootcag2): chain
        // building only, never anchors; expired ones stay, for signatures made while they were valid.
        pins.put("intermediates/bcy-ca-dang-g2.pem", "E4:B4:02:E3:CB:4C:AC:C0:A2:0D:21:FA:49:BC:E7:6B:EB:4E:B4:7B:A7:FF:B7:A8:F7:1C:55:4D:BE:56:1A:81");
        pins.put("intermediates/bcy-ca-dvpm-g2.pem", "40:F3:07:28:93:F3:56:07:E4:8F:86:8D:E7:65:56:90:5E:C9:78:4C:3F:1C:94:67:DE:76:73:72:55:6D:F2:08");
        pins.put("intermediates/fastca-sha256.pem", "BC:E5:3B:FC:01:7D:C9:17:CC:AC:7F:31:4B:CD:DF:25:7C:53:EC:8F:FC:01:65:F3:3A:80:55:8D:ED:ED:01:F1");
        pins.put("intermediates/viettel-ca-rs.pem", "86:0B:CB:E2:2F:DC:67:57:FE:03:B4:59:7F:7C:61:CA:7F:36:E1:3C:EB:74:A7:8C:BE:FC:9C:5B:26:7B:86:62");
        pins.put("intermediates/vnpt-smartca-rs.pem", "95:CF:8F:36:C9:86:E0:C0:F7:E0:37:61:B1:7D:78:04:07:2C:B6:44:B2:35:A8:F1:C6:21:07:F8:80:4A:48:89");
        pins.put("intermediates/winca.pem", "AC:B6:A4:95:5B:5E:3F:ED:58:BF:1F:63:07:0D:BD:33:B5:60:06:F4:35:32:98:3A:54:33:72:BA:88:23:2A:DC");
        PINS = Map.copyOf(pins);
        Map<String, String> historic = new LinkedHashMap<>();
        // Vietnam's first-generation PKI (SHA-1 roots of 2008 and 2010 with the CAs they certified): opt-in.
        historic.put("historic/bcy-ca-bo-cong-an-g1.pem", "EC:BF:84:28:26:6C:54:9E:B1:BF:DC:27:15:27:0D:5B:9D:FF:3B:BB:E2:D3:F0:C3:3E:0F:D9:1F:70:B2:D9:43");
        historic.put("historic/bcy-ca-bo-ngoai-giao-g1.pem", "3C:42:81:29:6F:92:D2:92:CC:95:22:95:FE:41:AD:7D:0B:37:43:8F:F1:D1:43:B5:6C:46:42:CC:1B:14:BD:93");
        historic.put("historic/bcy-ca-bo-tai-chinh-g1.pem", "A2:62:CF:A4:89:DB:BE:66:6F:8B:89:FA:B8:32:54:78:09:87:4D:5A:06:FA:9F:7A:38:FC:22:7E:BD:F4:05:14");
        historic.put("historic/bcy-ca-chinh-phu-g1.pem", "75:E9:69:C0:7B:A3:5C:29:C7:2B:BC:1B:FB:88:0F:20:F3:89:1A:61:9B:00:B7:7E:B0:2C:A6:16:07:36:A1:FE");
        historic.put("historic/bcy-ca-dang-g1.pem", "6E:21:8B:3E:BC:2F:31:B0:D0:32:05:C6:4F:D7:E8:92:0F:B4:71:87:D3:7A:FC:DB:4C:B2:BB:41:78:BF:46:35");
        historic.put("historic/bcy-rootca-g1.pem", "F7:BC:89:05:4C:EC:7F:12:73:0D:7B:8C:D3:EB:79:55:B1:63:83:50:87:E5:EB:87:3E:DF:B5:84:76:3B:3F:90");
        historic.put("historic/bkavca-2015.pem", "DD:AB:3A:A1:16:00:21:5C:08:CA:4C:CB:C1:8B:E5:20:4C:17:1A:48:08:1A:6C:D7:3A:95:AA:86:8E:12:58:AF");
        historic.put("historic/ca2-2015.pem", "22:A0:88:DE:DD:18:B0:17:40:91:57:CC:DC:E9:31:23:64:92:DF:25:94:59:E7:FA:C4:24:57:4D:D0:63:80:E2");
        historic.put("historic/efy-ca-2018.pem", "78:B7:75:B5:C6:2B:40:9C:F0:88:AA:33:16:07:41:52:32:55:82:F8:F5:DF:7B:6A:2C:CD:71:F7:04:80:87:7C");
        historic.put("historic/fpt-ca-2015.pem", "40:6B:A8:BE:66:EA:D6:D0:16:72:F1:E1:37:CC:35:A7:78:E2:F2:89:ED:D3:F9:E7:58:09:64:19:0B:83:C7:61");
        historic.put("historic/mic-national-root-ca-g1.pem", "CA:91:8D:63:5B:B1:30:BE:C9:76:39:E6:AA:BF:7E:DB:C4:EB:13:10:F8:05:8B:94:19:F4:67:AE:02:30:AD:8C");
        historic.put("historic/newtel-ca-2013.pem", "27:AB:09:40:83:47:EE:18:21:86:D2:A2:1E:82:FE:DA:0A:4E:0F:84:44:15:25:BA:1D:E7:4A:7E:87:40:1E:BA");
        historic.put("historic/safe-ca-2012.pem", "2D:C2:25:89:71:BA:84:2F:14:1F:5D:D0:C2:4D:01:8C:D0:53:C9:59:39:04:80:89:1C:EB:F0:AC:80:6A:B3:D3");
        historic.put("historic/safe-ca-2017.pem", "4E:66:E0:07:3C:9C:21:7D:BF:A8:06:97:B0:09:6F:A6:1D:71:C1:F3:2B:29:A1:2C:2E:2C:37:C0:CA:C3:58:81");
        historic.put("historic/smartsign-2012.pem", "42:9A:EF:DF:DA:02:26:C1:04:AB:F0:51:1A:D5:B0:F2:19:A2:B9:AA:6B:23:B6:C9:64:D4:3B:44:A5:D3:83:95");
        historic.put("historic/smartsign-2017.pem", "59:1E:67:96:47:27:80:FC:F9:8D:2E:67:97:C8:24:94:57:72:6D:EE:54:A2:64:30:7D:9B:51:19:3C:DB:D5:FD");
        historic.put("historic/trustca-g1-2019.pem", "BF:B2:84:BD:EC:B1:DC:95:8A:7E:0B:BD:84:18:AB:54:D4:E7:86:6E:44:04:46:B8:76:31:DE:21:AF:B0:4A:C7");
        historic.put("historic/viettel-ca-2010.pem", "5B:0A:7D:CB:CB:13:B6:6F:07:E0:68:37:11:5A:DA:1B:EB:B1:55:D2:50:D6:8F:DC:3B:A9:D0:AA:86:06:AE:B8");
        historic.put("historic/viettel-ca-2015.pem", "68:4C:AF:19:01:76:D1:31:58:80:8E:F1:93:B2:D2:05:75:39:9A:87:FD:9E:8C:5B:ED:C0:90:65:A1:84:84:1A");
        historic.put("historic/vnpt-ca-2009.pem", "06:89:27:B4:C1:A3:8A:E4:DB:1E:8F:59:A7:1A:8C:64:3D:9D:FB:B5:3A:67:48:62:38:7B:D5:AA:73:86:24:7B");
        HISTORIC_PINS = Map.copyOf(historic);
    }

    /** The first-generation (historic) PKI's files and their SHA-256 fingerprints; loaded only on request. */
    public static final Map<String, String> HISTORIC_PINS;

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
        return load(PinnedBundle::open, PINS);
    }

    /**
     * Loads the historic bundle from the jar: the first-generation roots and the CAs they certified.
     *
     * @return the certificates, in name order
     * @throws IllegalStateException if a file is missing or its fingerprint does not match its pin
     */
    public static List<X509Certificate> loadHistoric() {
        return load(PinnedBundle::open, HISTORIC_PINS);
    }

    private static InputStream open(String name) {
        return PinnedBundle.class.getResourceAsStream("/vn/govsdk/signing/trust/" + name);
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
