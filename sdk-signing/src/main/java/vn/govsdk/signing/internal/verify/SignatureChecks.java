package vn.govsdk.signing.internal.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import vn.govsdk.signing.SignatureAlgorithm;

/**
 * JCA signatures ready to verify, on a provider that implements the key's curve: the JDK's for RSA and
 * the NIST curves, Bouncy Castle for the others (brainpool, which the JDK 17 EC provider no longer
 * implements and refuses with "Curve not supported").
 */
final class SignatureChecks {

    /** The curves the JDK's SunEC provider implements: P-256, P-384, P-521. */
    private static final Set<String> JDK_CURVES = Set.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35");
    private static final Provider BC = new BouncyCastleProvider();

    private SignatureChecks() {
    }

    /** A step that makes a signature object ready to verify. */
    @FunctionalInterface
    interface VerifierFactory {
        /**
         * Makes the signature object.
         *
         * @return it, initialised for verification
         * @throws GeneralSecurityException if the key does not suit the algorithm
         */
        Signature create() throws GeneralSecurityException;
    }

    /**
     * A signature of a permitted algorithm initialised to verify with the key.
     *
     * @param algorithm the algorithm
     * @param key the signer's public key
     * @return the signature object
     * @throws GeneralSecurityException if the key does not suit the algorithm
     */
    static Signature initVerify(SignatureAlgorithm algorithm, PublicKey key) throws GeneralSecurityException {
        boolean bc = needsBouncyCastle(key);
        Signature s = algorithm.newSignature(bc ? BC : null);
        s.initVerify(bc ? toBouncyCastle(key) : key);
        return s;
    }

    /**
     * A signature of a legacy algorithm (by JCA name) initialised to verify with the key.
     *
     * @param jcaName for example {@code SHA1withRSA}
     * @param key the signer's public key
     * @return the signature object
     * @throws GeneralSecurityException if the algorithm is unknown or the key does not suit it
     */
    static Signature initVerify(String jcaName, PublicKey key) throws GeneralSecurityException {
        boolean bc = needsBouncyCastle(key);
        Signature s = bc ? Signature.getInstance(jcaName, BC) : Signature.getInstance(jcaName);
        s.initVerify(bc ? toBouncyCastle(key) : key);
        return s;
    }

    /**
     * Whether the signature value verifies over the data; a key or algorithm that cannot verify is a
     * value that does not verify.
     *
     * @param factory makes the signature object
     * @param data the signed bytes
     * @param value the signature value
     * @return {@code true} if it verifies
     */
    static boolean verifies(VerifierFactory factory, byte[] data, byte[] value) {
        try {
            Signature s = factory.create();
            s.update(data);
            return s.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the key is an EC key on a curve the JDK does not implement.
     *
     * @param key the key
     * @return {@code true} for brainpool and other non-NIST curves
     */
    static boolean needsBouncyCastle(PublicKey key) {
        if (!"EC".equals(key.getAlgorithm()) || key.getEncoded() == null) {
            return false;
        }
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            return spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                    && !JDK_CURVES.contains(curve.getId());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PublicKey toBouncyCastle(PublicKey key) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }
}
