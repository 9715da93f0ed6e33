package vn.govsdk.signing.internal.remote;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.internal.crypto.Ecdsa;

/**
 * Checks a raw signature value a provider returned against the certificate's public key and the
 * digest sent: RSA PKCS#1 v1.5 by its DigestInfo, ECDSA over the digest (raw {@code r || s} is
 * converted to DER first).
 */
public final class ValueChecker {

    private ValueChecker() {
    }

    /**
     * Normalises and checks a value.
     *
     * @param value the value as the provider returned it
     * @param digest the digest sent
     * @param algorithm the algorithm
     * @param key the certificate's public key
     * @return the value in JCA encoding (DER for ECDSA), or {@code null} if it does not verify
     */
    public static byte[] check(byte[] value, byte[] digest, SignatureAlgorithm algorithm, PublicKey key) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            if (algorithm.keyAlgorithm().equals("EC")) {
                byte[] der = value;
                if (key instanceof ECPublicKey ec) {
                    int field = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
                    if (value.length == 2 * field && !looksLikeDer(value)) {
                        der = Ecdsa.concatToDer(value, field);
                    }
                }
                Signature s = Signature.getInstance("NONEwithECDSA");
                s.initVerify(key);
                s.update(digest);
                return s.verify(der) ? der : null;
            }
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(
                    new ASN1ObjectIdentifier(algorithm.digestAlgorithm().oid()), DERNull.INSTANCE), digest)
                    .getEncoded(ASN1Encoding.DER);
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initVerify(key);
            s.update(digestInfo);
            return s.verify(value) ? value.clone() : null;
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean looksLikeDer(byte[] v) {
        if (v.length < 8 || v[0] != 0x30) {
            return false;
        }
        try {
            Ecdsa.derToConcat(v, 66);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
