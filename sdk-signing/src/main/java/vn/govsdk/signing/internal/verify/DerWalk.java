package vn.govsdk.signing.internal.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks definite-length DER just far enough to find the certificates of CMS signed data as they
 * appear in the file (ContentInfo, [0], SignedData: version, digestAlgorithms, encapContentInfo,
 * [0] IMPLICIT certificates).
 */
final class DerWalk {

    private DerWalk() {
    }

    /**
     * Returns the raw encodings of the certificates, or {@code null} if the structure uses indefinite
     * lengths or cannot be walked (the caller then uses the parser's view).
     *
     * @param der the CMS bytes
     * @return the certificates' bytes in order, possibly empty
     */
    static List<byte[]> certificates(byte[] der) {
        try {
            int[] ci = tlv(der, 0);                  // ContentInfo SEQUENCE
            int p = ci[1];
            int[] oid = tlv(der, p);                 // contentType
            p = oid[2];
            int[] explicit = tlv(der, p);            // [0] EXPLICIT
            int[] sd = tlv(der, explicit[1]);        // SignedData SEQUENCE
            p = sd[1];
            p = tlv(der, p)[2];                      // version
            p = tlv(der, p)[2];                      // digestAlgorithms
            p = tlv(der, p)[2];                      // encapContentInfo
            if (p >= sd[2] || (der[p] & 0xFF) != 0xA0) {
                return List.of();
            }
            int[] set = tlv(der, p);
            List<byte[]> out = new ArrayList<>();
            for (int q = set[1]; q < set[2]; ) {
                int[] c = tlv(der, q);
                out.add(Arrays.copyOfRange(der, q, c[2]));
                q = c[2];
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns {tag offset, content offset, end offset}; throws on indefinite or malformed lengths. */
    private static int[] tlv(byte[] b, int off) {
        int p = off + 1;
        int first = b[p++] & 0xFF;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4) {
                throw new IllegalArgumentException("indefinite or oversized length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[p++] & 0xFF);
            }
        }
        if (len < 0 || p + len > b.length) {
            throw new IllegalArgumentException("length beyond the data");
        }
        return new int[] {off, p, p + len};
    }
}
