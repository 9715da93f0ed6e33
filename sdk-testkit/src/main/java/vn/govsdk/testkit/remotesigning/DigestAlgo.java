package vn.govsdk.testkit.remotesigning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/** The digest algorithms the remote signers accept, and raw PKCS#1 v1.5 signing over a digest. */
enum DigestAlgo {
    SHA256("2.16.840.1.101.3.4.2.1", 32),
    SHA384("2.16.840.1.101.3.4.2.2", 48),
    SHA512("2.16.840.1.101.3.4.2.3", 64);

    /** The OID of rsaEncryption, MySign's {@code signAlgo}. */
    static final String RSA_OID = "1.2.840.113549.1.1.1";

    private final String oid;
    private final int length;

    DigestAlgo(String oid, int length) {
        this.oid = oid;
        this.length = length;
    }

    String oid() {
        return oid;
    }

    int length() {
        return length;
    }

    static Optional<DigestAlgo> ofLength(int length) {
        for (DigestAlgo a : values()) {
            if (a.length == length) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static Optional<DigestAlgo> ofOid(String oid) {
        for (DigestAlgo a : values()) {
            if (a.oid.equals(oid)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Signs DigestInfo(this, digest) with RSA PKCS#1 v1.5: what SHAxxxwithRSA verifies. */
    byte[] sign(PrivateKey key, byte[] digest) {
        try {
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid), DERNull.INSTANCE),
                    digest).getEncoded(ASN1Encoding.DER);
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(digestInfo);
            return rsa.sign();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with NONEwithRSA", e);
        }
    }
}
