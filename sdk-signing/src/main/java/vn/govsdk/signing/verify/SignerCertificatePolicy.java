package vn.govsdk.signing.verify;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;

/**
 * What a certificate must allow for its key to sign documents: the rule the verifier applies to every
 * document signer, separate from the chain and from revocation. A certificate passes when
 * <ul>
 *   <li>its key usage (when present) includes {@code digitalSignature} or {@code nonRepudiation};</li>
 *   <li>its extended key usage (when present) names at least one purpose outside the refused list, by
 *       default {@code timeStamping} (1.3.6.1.5.5.7.3.8), {@code OCSPSigning} (1.3.6.1.5.5.7.3.9) and
 *       {@code serverAuth} (1.3.6.1.5.5.7.3.1): the certificate of a timestamp authority, an OCSP responder
 *       or a TLS server is not a document signer's;</li>
 *   <li>it is not a CA certificate (basic constraints {@code cA} true): a CA's key signs certificates,
 *       not documents.</li>
 * </ul>
 * The signer certificates that Vietnamese public CAs issue (VNPT-CA, Viettel-CA, FPT-CA, CA2, NEWTEL-CA,
 * Ban Cơ yếu's CA G2) carry {@code digitalSignature}/{@code nonRepudiation} and, where they have an
 * extended key usage, {@code clientAuth} or {@code emailProtection} beside any other purpose, so the
 * default accepts them. A refusal is reason {@link ReasonCode#KEY_USAGE}, and the chain is then not
 * {@link ChainStatus#TRUSTED}. Immutable and thread-safe.
 */
public final class SignerCertificatePolicy {

    /** {@code id-kp-serverAuth}. */
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    /** {@code id-kp-timeStamping}. */
    public static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    /** {@code id-kp-OCSPSigning}. */
    public static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    private static final SignerCertificatePolicy DEFAULT =
            new SignerCertificatePolicy(Set.of(TIME_STAMPING, OCSP_SIGNING, SERVER_AUTH));

    private final Set<String> refusedExtendedKeyUsages;

    private SignerCertificatePolicy(Set<String> refused) {
        this.refusedExtendedKeyUsages = Set.copyOf(refused);
    }

    /**
     * Returns the default policy described above.
     *
     * @return the default
     */
    public static SignerCertificatePolicy defaults() {
        return DEFAULT;
    }

    /**
     * Returns a policy that refuses certificates whose extended key usage names only purposes from the
     * given list, CA certificates always refused.
     *
     * @param oids dotted extended-key-usage OIDs, for example {@link #TIME_STAMPING}
     * @return the policy
     * @throws InvalidInputException when the list is null or an entry is not a dotted OID
     */
    public static SignerCertificatePolicy refusing(Set<String> oids) {
        if (oids == null) {
            throw new InvalidInputException("refusedExtendedKeyUsages", "must not be null");
        }
        Set<String> copy = new LinkedHashSet<>();
        for (String oid : oids) {
            if (oid == null || !oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new InvalidInputException("refusedExtendedKeyUsages",
                        "must hold dotted object identifiers such as " + TIME_STAMPING + ", got " + oid);
            }
            copy.add(oid);
        }
        return new SignerCertificatePolicy(copy);
    }

    /**
     * Returns the extended key usages a document signer's certificate may not be limited to.
     *
     * @return the dotted OIDs
     */
    public Set<String> refusedExtendedKeyUsages() {
        return refusedExtendedKeyUsages;
    }

    /**
     * Checks a certificate against the policy.
     *
     * @param certificate the document signer's certificate
     * @return why its key may not sign documents, or empty when it may
     */
    public Optional<String> problem(X509Certificate certificate) {
        if (!vn.govsdk.signing.internal.Certs.keyUsageAllowsSigning(certificate)) {
            return Optional.of("its key usage does not include digitalSignature or nonRepudiation");
        }
        if (certificate.getBasicConstraints() >= 0) {
            return Optional.of("it is a CA certificate (basic constraints cA), whose key signs certificates, "
                    + "not documents");
        }
        List<String> eku;
        try {
            eku = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("its extended key usage cannot be read");
        }
        if (eku != null && !eku.isEmpty() && refusedExtendedKeyUsages.containsAll(eku)) {
            return Optional.of("its extended key usage allows only " + names(eku)
                    + ", purposes of a timestamp authority, an OCSP responder or a server, not of a document signer");
        }
        return Optional.empty();
    }

    private static String names(List<String> oids) {
        return String.join(", ", oids.stream().map(SignerCertificatePolicy::name).toList());
    }

    /**
     * Names a well-known extended key usage.
     *
     * @param oid the dotted OID
     * @return its RFC 5280 name, or the OID
     */
    static String name(String oid) {
        return switch (oid) {
            case SERVER_AUTH -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case TIME_STAMPING -> "timeStamping";
            case OCSP_SIGNING -> "OCSPSigning";
            default -> oid;
        };
    }

    /**
     * Describes the policy.
     *
     * @return the refused purposes
     */
    @Override
    public String toString() {
        return "SignerCertificatePolicy[refused EKU only " + names(List.copyOf(refusedExtendedKeyUsages))
                + ", CA certificates refused]";
    }
}
