package vn.govsdk.signing.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signature values between the DER {@code SEQUENCE {r, s}} of JCA and CMS and the
 * fixed-length {@code r || s} of XML Signature, JWS and PKCS#11.
 */
public final class Ecdsa {

    private Ecdsa() {
    }

    /**
     * Converts {@code r || s} to DER.
     *
     * @param concat the concatenated value, two integers of equal length
     * @param fieldBytes the length of each integer
     * @return the DER encoding
     */
    public static byte[] concatToDer(byte[] concat, int fieldBytes) {
        if (concat.length != 2 * fieldBytes) {
            throw new IllegalArgumentException("ECDSA value must be " + (2 * fieldBytes) + " bytes, got " + concat.length);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(concat, 0, fieldBytes));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(concat, fieldBytes, concat.length));
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInteger(body, rb);
        writeInteger(body, sb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /**
     * Converts DER to {@code r || s}.
     *
     * @param der the DER encoding
     * @param fieldBytes the length of each integer in the output
     * @return the concatenated value
     * @throws IllegalArgumentException if the DER is malformed or an integer is too long
     */
    public static byte[] derToConcat(byte[] der, int fieldBytes) {
        int[] pos = {0};
        if (der.length < 8 || der[pos[0]++] != 0x30) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int len = readLength(der, pos);
        if (pos[0] + len != der.length) {
            throw new IllegalArgumentException("DER ECDSA signature has a wrong length");
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw new IllegalArgumentException("DER ECDSA signature has trailing bytes");
        }
        byte[] out = new byte[2 * fieldBytes];
        put(out, 0, r, fieldBytes);
        put(out, fieldBytes, s, fieldBytes);
        return out;
    }

    private static void put(byte[] out, int offset, BigInteger v, int n) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative ECDSA integer");
        }
        byte[] b = v.toByteArray();
        int start = b.length > n ? b.length - n : 0;
        for (int i = 0; i < start; i++) {
            if (b[i] != 0) {
                throw new IllegalArgumentException("ECDSA integer longer than the curve");
            }
        }
        System.arraycopy(b, start, out, offset + n - (b.length - start), b.length - start);
    }

    private static void writeInteger(ByteArrayOutputStream out, byte[] value) {
        out.write(0x02);
        writeLength(out, value.length);
        out.writeBytes(value);
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xFF);
        }
    }

    private static int readLength(byte[] b, int[] pos) {
        if (pos[0] >= b.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        int first = b[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 2 || pos[0] + n > b.length) {
            throw new IllegalArgumentException("unsupported DER length");
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[pos[0]++] & 0xFF);
        }
        return len;
    }

    private static BigInteger readInteger(byte[] b, int[] pos) {
        if (pos[0] >= b.length || b[pos[0]++] != 0x02) {
            throw new IllegalArgumentException("expected a DER INTEGER");
        }
        int len = readLength(b, pos);
        if (len == 0 || pos[0] + len > b.length) {
            throw new IllegalArgumentException("bad DER INTEGER length");
        }
        BigInteger v = new BigInteger(Arrays.copyOfRange(b, pos[0], pos[0] + len));
        pos[0] += len;
        return v;
    }
}
