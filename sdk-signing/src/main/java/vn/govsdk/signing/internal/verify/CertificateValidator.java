package vn.govsdk.signing.internal.verify;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.verify.CertificateInfo;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.RevocationStatus;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignerCertificatePolicy;
import vn.govsdk.signing.verify.TrustAnchors;

/**
 * The checks every format shares once the signature is known to be intact: the signer's key and key
 * usage, validity at the signing time, a chain to a trust anchor (built here so a failure can name the
 * missing issuer, then checked by the JDK's PKIX validator), and revocation of every certificate of
 * the chain.
 */
public final class CertificateValidator {

    private static final int MAX_DEPTH = 10;

    private static final int CACHE_LIMIT = 2_000;

    /** Certificate signature checks and PKIX results, which do not change: keyed by fingerprints. */
    private final java.util.Map<List<java.nio.ByteBuffer>, Boolean> signatureCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<List<java.nio.ByteBuffer>, String> pkixCache = new java.util.concurrent.ConcurrentHashMap<>();

    private final TrustAnchors trust;
    private final RevocationChecking revocationChecking;
    private final RevocationChecker revocation;
    private volatile vn.govsdk.signing.verify.AlgorithmPolicy policy = vn.govsdk.signing.verify.AlgorithmPolicy.circular15Draft();
    private volatile SignerCertificatePolicy signerPolicy = SignerCertificatePolicy.defaults();
    private volatile java.util.function.Supplier<HistoricPki> historic = HistoricPki::bundled;

    /** What a certificate under validation is used for. */
    enum Purpose {
        /** It signed a document: {@link SignerCertificatePolicy} applies. */
        DOCUMENT_SIGNING,
        /** It signed an RFC 3161 timestamp token: RFC 3161 section 2.3 applies. */
        TIMESTAMPING
    }

    /** Revocation reasons after which a timestamp authority's earlier tokens remain reliable (RFC 3161, 4). */
    private static final Set<String> RETIREMENT_REASONS =
            Set.of("affiliationChanged", "superseded", "cessationOfOperation", "privilegeWithdrawn");

    /**
     * Creates the validator.
     *
     * @param trust the trust anchors
     * @param revocationChecking whether to check revocation
     * @param revocation the checker (unused when checking is off)
     */
    public CertificateValidator(TrustAnchors trust, RevocationChecking revocationChecking, RevocationChecker revocation) {
        this.trust = trust;
        this.revocationChecking = revocationChecking;
        this.revocation = revocation;
    }

    /**
     * Returns the certificates of the trust configuration (anchors and intermediates).
     *
     * @return the certificates
     */
    public List<X509Certificate> knownCertificates() {
        List<X509Certificate> all = new ArrayList<>(trust.anchors());
        all.addAll(trust.intermediates());
        return all;
    }

    /**
     * Validates the signer and fills the report.
     *
     * @param report the report being built
     * @param signer the signer's certificate
     * @param available certificates from the signature, to build the chain with
     * @param signingTime the claimed signing time, or {@code null}
     * @param validationTime now
     */
    public void validate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime) {
        validate(report, signer, available, signingTime, validationTime, List.of());
    }

    /**
     * Sets the algorithm policy.
     *
     * @param policy the policy
     */
    public void policy(vn.govsdk.signing.verify.AlgorithmPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    /**
     * Returns the time a signature timestamp proves, or {@code null} when there is none or it proves
     * nothing; in that case the report is told why, as a warning, and the signature is judged without a
     * proven time (its claimed signing time is the signer's word only).
     *
     * @param report the signature's report
     * @param ts the signature timestamp's verdict, or {@code null} when there is none
     * @return the proven time, or {@code null}
     */
    public static Instant provenTime(SignatureReport.Builder report, vn.govsdk.signing.verify.TimestampReport ts) {
        if (ts == null) {
            return null;
        }
        if (ts.provesTime()) {
            return ts.time();
        }
        report.warning(ReasonCode.UNTRUSTED_CHAIN, "the signature timestamp does not prove its time, so the signature "
                + "is judged without it: " + (ts.reasons().isEmpty() ? "its authority's chain is " + ts.chainStatus()
                        : ts.reasons().stream().map(vn.govsdk.signing.verify.Reason::message)
                                .collect(java.util.stream.Collectors.joining("; "))));
        return null;
    }

    /** Names another set of certificates as the historic PKI (tests of the naming, on a test structure). */
    void historic(List<X509Certificate> known) {
        HistoricPki h = new HistoricPki(known);
        this.historic = () -> h;
    }

    /**
     * Sets what a document signer's certificate must allow.
     *
     * @param signerPolicy the policy
     */
    public void signerPolicy(SignerCertificatePolicy signerPolicy) {
        this.signerPolicy = java.util.Objects.requireNonNull(signerPolicy, "signerPolicy");
    }

    /**
     * Validates the authority that signed an RFC 3161 timestamp token and fills the token's report. The
     * certificate must be a timestamping certificate (RFC 3161, 2.3: an extended key usage that is
     * critical and names {@code timeStamping} alone), valid at {@code genTime}, chain to a trust anchor, and
     * not be revoked, or revoked after {@code genTime} for a reason that leaves earlier tokens reliable
     * (superseded, cessation of operation, affiliation changed, privilege withdrawn; never key compromise).
     * Revocation evidence the enclosing signature embeds counts when produced at or after {@code genTime}.
     *
     * @param report the token's report being built
     * @param authority the certificate that signed the token
     * @param available certificates from the token and the signature, to build the chain with
     * @param genTime the time the token states
     * @param validationTime now
     * @param embedded the validation data the enclosing signature embeds
     */
    public void validateTimestampAuthority(SignatureReport.Builder report, X509Certificate authority,
            List<X509Certificate> available, Instant genTime, Instant validationTime, EmbeddedValidationData embedded) {
        validate(report, authority, available, genTime, validationTime, List.of(), genTime, embedded, Purpose.TIMESTAMPING);
    }

    /**
     * Validates the signer and fills the report, judging the legacy algorithms found by the caller
     * (SHA-1) together with the signer's key by the algorithm policy at the claimed signing time.
     *
     * @param report the report being built
     * @param signer the signer's certificate
     * @param available certificates from the signature, to build the chain with
     * @param signingTime the claimed signing time, or {@code null}
     * @param validationTime now
     * @param legacy descriptions of legacy algorithms the signature uses
     */
    public void validate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime, List<String> legacy) {
        validate(report, signer, available, signingTime, validationTime, legacy, null);
    }

    /**
     * Validates the signer and fills the report, with a time a trusted signature timestamp proves.
     *
     * @param report the report being built
     * @param signer the signer's certificate
     * @param available certificates from the signature, to build the chain with
     * @param signingTime the claimed signing time, or {@code null}
     * @param validationTime now
     * @param legacy descriptions of legacy algorithms the signature uses
     * @param provenTime the time an intact, trusted timestamp proves the signature existed at, or {@code null}
     */
    public void validate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime, List<String> legacy, Instant provenTime) {
        validate(report, signer, available, signingTime, validationTime, legacy, provenTime, EmbeddedValidationData.NONE);
    }

    /**
     * Validates the signer and fills the report, with the validation data the signature embeds: its
     * certificates join the pool the chain is built from, and its OCSP responses and CRLs are used before
     * the network (see {@link RevocationChecker#check(X509Certificate, X509Certificate, EmbeddedValidationData,
     * Instant, boolean)}); in {@link RevocationChecking#OFFLINE} mode they are the only source. This is the
     * hook every format verifier calls with what it found embedded.
     *
     * @param report the report being built
     * @param signer the signer's certificate
     * @param available certificates from the signature, to build the chain with
     * @param signingTime the claimed signing time, or {@code null}
     * @param validationTime now
     * @param legacy descriptions of legacy algorithms the signature uses
     * @param provenTime the time an intact, trusted timestamp proves the signature existed at, or {@code null}
     * @param embedded the embedded validation data, {@link EmbeddedValidationData#NONE} if none
     */
    public void validate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime, List<String> legacy, Instant provenTime,
            EmbeddedValidationData embedded) {
        validate(report, signer, available, signingTime, validationTime, legacy, provenTime, embedded,
                Purpose.DOCUMENT_SIGNING);
    }

    private void validate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime, List<String> legacy, Instant provenTime,
            EmbeddedValidationData embedded, Purpose purpose) {
        EmbeddedValidationData data = embedded == null ? EmbeddedValidationData.NONE : embedded;
        if (!data.certs().isEmpty()) {
            List<X509Certificate> pool = new ArrayList<>(available);
            for (X509Certificate c : data.certs()) {
                if (!pool.contains(c)) {
                    pool.add(c);
                }
            }
            available = pool;
        }
        doValidate(report, signer, available, signingTime, validationTime, legacy, provenTime, data, purpose);
    }

    private void doValidate(SignatureReport.Builder report, X509Certificate signer, List<X509Certificate> available,
            Instant signingTime, Instant validationTime, List<String> legacy, Instant provenTime,
            EmbeddedValidationData data, Purpose purpose) {
        report.signer(CertificateInfo.of(signer));
        List<String> weak = new ArrayList<>(legacy);
        try {
            SignatureAlgorithm.checkKeyStrength(signer.getPublicKey());
        } catch (InvalidInputException e) {
            if (signer.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa
                    && rsa.getModulus().bitLength() >= policy.minimumLegacyRsaBits()) {
                weak.add("RSA-" + rsa.getModulus().bitLength() + " signer key");
            } else {
                report.invalid(ReasonCode.WEAK_ALGORITHM, "the signer's " + e.rule());
            }
        }
        if (!weak.isEmpty()) {
            String names = String.join(", ", weak);
            String rule = "the Circular 15/2025 draft requires RSA keys of at least " + policy.minimumRsaBits()
                    + " bits and SHA-2 digests";
            if (policy.toleratesLegacyAt(signingTime)) {
                report.warning(ReasonCode.WEAK_ALGORITHM, "weak algorithms: " + names + "; " + rule + ". Tolerated "
                        + "because the signature claims to have been made at " + signingTime + ", before the policy's "
                        + "cut-off " + policy.legacyAllowedBefore().orElseThrow());
            } else {
                report.invalid(ReasonCode.WEAK_ALGORITHM, "weak algorithms: " + names + "; " + rule
                        + (signingTime == null ? ", and the signature claims no signing time before the policy's cut-off"
                        : policy.legacyAllowedBefore().map(c -> ", and the signing time " + signingTime
                                + " is not before the policy's cut-off " + c).orElse(" (no legacy algorithm is tolerated)")));
            }
        }
        checkPurpose(report, signer, purpose);
        if (signingTime != null && signingTime.isAfter(validationTime.plus(java.time.Duration.ofMinutes(5)))) {
            report.invalid(ReasonCode.STRUCTURE_INVALID, "the signature claims to have been made at " + signingTime
                    + ", which is in the future; the signer's clock is wrong or the signing time was forged");
        }
        Instant at = signingTime != null ? signingTime : validationTime;
        String when = signingTime != null ? "at the signing time " + signingTime : "now (" + validationTime + ")";
        if (at.isBefore(signer.getNotBefore().toInstant())) {
            report.invalid(ReasonCode.CERTIFICATE_NOT_YET_VALID, "the certificate of " + Certs.describe(signer)
                    + " was not yet valid " + when + "; it is valid from " + signer.getNotBefore().toInstant());
        } else if (signingTime == null && at.isAfter(signer.getNotAfter().toInstant())) {
            report.indeterminate(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING, "the certificate of " + Certs.describe(signer)
                    + " expired on " + signer.getNotAfter().toInstant() + " and the signature claims no signing time "
                    + "(no SigningTime, no timestamp), so nothing shows whether it was made while the certificate was "
                    + "valid. Ask the sender for a signature with a signing time, ideally timestamped (B-T)");
        } else if (at.isAfter(signer.getNotAfter().toInstant())) {
            report.invalid(ReasonCode.CERTIFICATE_EXPIRED, "the certificate of " + Certs.describe(signer)
                    + " had expired " + when + "; it was valid until " + signer.getNotAfter().toInstant());
        } else if (validationTime.isAfter(signer.getNotAfter().toInstant()) && provenTime != null
                && !provenTime.isAfter(signer.getNotAfter().toInstant())
                && !provenTime.isBefore(signer.getNotBefore().toInstant())) {
            report.warning(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING, "the certificate of " + Certs.describe(signer)
                    + " expired on " + signer.getNotAfter().toInstant() + "; it was valid at " + provenTime
                    + ", the time the signature timestamp proves the signature existed");
        } else if (validationTime.isAfter(signer.getNotAfter().toInstant())) {
            report.indeterminate(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING, "the certificate of "
                    + Certs.describe(signer) + " expired on " + signer.getNotAfter().toInstant()
                    + ", after the claimed signing time; without a timestamp nothing proves the document was "
                    + "signed before that. Ask the sender for a timestamped (B-T) signature");
        }

        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        X509Certificate anchor = buildChain(report, path, available, at);
        List<CertificateInfo> infos = new ArrayList<>();
        for (X509Certificate c : path) {
            infos.add(CertificateInfo.of(c));
        }
        if (anchor != null && !path.contains(anchor)) {
            infos.add(CertificateInfo.of(anchor));
        }
        report.chain(infos);
        if (anchor == null) {
            report.revocation(revocationChecking == RevocationChecking.OFFLINE ? RevocationStatus.UNKNOWN
                    : RevocationStatus.NOT_CHECKED);
            if (revocationChecking == RevocationChecking.OFF) {
                report.warning(ReasonCode.REVOCATION_NOT_CHECKED, "revocation checking was turned off by the application");
            }
            return;
        }
        report.trustAnchor(CertificateInfo.of(anchor));
        if (trust.timeBoundAnchors().contains(anchor)) {
            checkTimeBound(report, path, anchor, provenTime);
        }
        pkix(report, path, anchor, at);
        checkRevocation(report, path, anchor, signingTime, provenTime, data, purpose);
    }

    /** Whether the certificate may sign what it signed: a document, or a timestamp token. */
    private void checkPurpose(SignatureReport.Builder report, X509Certificate cert, Purpose purpose) {
        if (purpose == Purpose.TIMESTAMPING) {
            String problem = timestampingProblem(cert);
            if (problem != null) {
                report.invalid(ReasonCode.KEY_USAGE, "the certificate of " + Certs.describe(cert) + " that signed the "
                        + "timestamp is not a timestamp authority's: " + problem + "; RFC 3161 requires an extended key "
                        + "usage, marked critical, that names timeStamping alone");
            }
            return;
        }
        signerPolicy.problem(cert).ifPresent(problem -> report.invalid(ReasonCode.KEY_USAGE, "the certificate of "
                + Certs.describe(cert) + " is not meant for signing documents: " + problem
                + (Certs.keyUsageAllowsSigning(cert) ? "" : " (its key usage allows only " + Certs.keyUsageNames(cert) + ")")));
    }

    private static String timestampingProblem(X509Certificate cert) {
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            return "its extended key usage cannot be read";
        }
        if (eku == null || eku.isEmpty()) {
            return "it has no extended key usage, so no timeStamping purpose";
        }
        if (!eku.equals(List.of(SignerCertificatePolicy.TIME_STAMPING))) {
            return "its extended key usage is " + eku + ", not timeStamping (" + SignerCertificatePolicy.TIME_STAMPING
                    + ") alone";
        }
        Set<String> critical = cert.getCriticalExtensionOIDs();
        if (critical == null || !critical.contains("2.5.29.37")) {
            return "its extended key usage is not marked critical";
        }
        if (!Certs.keyUsageAllowsSigning(cert)) {
            return "its key usage allows only " + Certs.keyUsageNames(cert);
        }
        return null;
    }

    /**
     * A time-bound (historic) anchor vouches only for a signature whose time a trusted timestamp proves
     * within the validity of the CA that issued the signer.
     */
    private static void checkTimeBound(SignatureReport.Builder report, List<X509Certificate> path, X509Certificate anchor,
            Instant provenTime) {
        X509Certificate issuing = path.size() > 1 ? path.get(1) : anchor;
        Instant from = issuing.getNotBefore().toInstant();
        Instant to = issuing.getNotAfter().toInstant();
        if (provenTime != null && !provenTime.isBefore(from) && !provenTime.isAfter(to)) {
            return;
        }
        report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "the signature chains to '" + Certs.subject(anchor)
                + "', a root of Vietnam's first-generation PKI, trusted only for a signature whose time a trusted "
                + "timestamp proves within the validity of the CA that issued the signer, '" + Certs.subject(issuing)
                + "' (" + from + " to " + to + "); "
                + (provenTime == null ? "no trusted timestamp proves this signature's time"
                        : "its timestamp proves " + provenTime + ", outside that validity"));
    }

    /** The authority key identifier of a certificate, as hex, when it has one. */
    private static java.util.Optional<String> authorityKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue("2.5.29.35");
        if (ext == null) {
            return java.util.Optional.empty();
        }
        try {
            byte[] id = org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifierOctets();
            return id == null ? java.util.Optional.empty()
                    : java.util.Optional.of(java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(id));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String missing(SignatureReport.Builder report, X509Certificate current) {
        report.missingIssuer(Certs.issuer(current));
        return "";
    }

    private X509Certificate buildChain(SignatureReport.Builder report, List<X509Certificate> path,
            List<X509Certificate> available, Instant at) {
        List<X509Certificate> pool = new ArrayList<>(available);
        pool.addAll(trust.intermediates());
        X509Certificate current = path.get(0);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            for (X509Certificate a : trust.anchors()) {
                if (a.equals(current)) {
                    return a;
                }
            }
            for (X509Certificate a : trust.anchors()) {
                if (a.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, a)) {
                    checkCa(report, a, at, true);
                    return a;
                }
            }
            if (current.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, current)) {
                report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, historic.get().contains(current)
                        ? "the chain ends at '" + Certs.subject(current) + "', " + HistoricPki.ADVICE
                        : "the chain ends at the root '" + Certs.subject(current) + "', which is not a trusted root; if "
                                + "this CA is legitimate, add its certificate to the trust anchors");
                return null;
            }
            X509Certificate issuer = null;
            boolean nameMatched = false;
            if (revocationChecking == RevocationChecking.ONLINE
                    && pool.stream().noneMatch(c -> c.getSubjectX500Principal().equals(path.get(path.size() - 1).getIssuerX500Principal()))) {
                // The signature lacks the issuer (tokens often hold only the signer's certificate): fetch it
                // from the certificate's AIA caIssuers URL; it is trusted only if it chains to an anchor.
                pool.addAll(revocation.caIssuers(current));
            }
            for (X509Certificate c : pool) {
                if (!path.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    nameMatched = true;
                    if (signedBy(current, c)) {
                        issuer = c;
                        break;
                    }
                }
            }
            if (issuer == null) {
                X509Certificate historicIssuer = nameMatched ? null : historic.get().issuerOf(current, this::signedBy);
                if (historicIssuer != null) {
                    report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "the issuer of '" + Certs.subject(current) + "' is '"
                            + Certs.subject(historicIssuer) + "', a CA of Vietnam's first-generation PKI under '"
                            + Certs.issuer(historicIssuer) + "'; " + HistoricPki.ADVICE);
                    return null;
                }
                report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, nameMatched
                        ? "the certificate '" + Certs.subject(current) + "' is not signed by any certificate named '"
                                + Certs.issuer(current) + "' that is available; the chain is broken or forged"
                        : missing(report, current) + "the issuer '" + Certs.issuer(current) + "'"
                                + authorityKeyId(current).map(k -> " (authority key identifier " + k + ")").orElse("")
                                + " of '" + Certs.subject(current) + "' is neither a trusted root nor among the "
                                + "certificates available, so the signature does not chain to a trusted root. Verify "
                                + "online, so that the CA certificate can be fetched from the certificate's AIA "
                                + "caIssuers URL, or add the CA's certificate to the trust (TrustAnchors.withIntermediates, "
                                + "govsdk verify --trust) if it is legitimate");
                return null;
            }
            checkCa(report, issuer, at, false);
            path.add(issuer);
            current = issuer;
        }
        report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "the certificate chain is longer than " + MAX_DEPTH);
        return null;
    }

    private static void checkCa(SignatureReport.Builder report, X509Certificate ca, Instant at, boolean anchor) {
        if (!anchor && ca.getBasicConstraints() < 0) {
            report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "'" + Certs.subject(ca) + "' signed a certificate of the "
                    + "chain but is not a certification authority (basic constraints)");
        }
        boolean[] ku = ca.getKeyUsage();
        if (!anchor && ku != null && (ku.length < 6 || !ku[5])) {
            report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "the CA '" + Certs.subject(ca)
                    + "' may not sign certificates (key usage lacks keyCertSign)");
        }
        if (at.isBefore(ca.getNotBefore().toInstant()) || at.isAfter(ca.getNotAfter().toInstant())) {
            report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, "the CA certificate '" + Certs.subject(ca)
                    + "' was not valid at " + at + " (valid " + ca.getNotBefore().toInstant() + " to "
                    + ca.getNotAfter().toInstant() + ")");
        }
    }

    private boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        List<java.nio.ByteBuffer> key = List.of(der(cert), der(issuer));
        Boolean cached = signatureCache.get(key);
        if (cached != null) {
            return cached;
        }
        boolean ok;
        try {
            cert.verify(issuer.getPublicKey());
            ok = true;
        } catch (GeneralSecurityException | RuntimeException e) {
            ok = false;
        }
        if (signatureCache.size() < CACHE_LIMIT) {
            signatureCache.put(key, ok);
        }
        return ok;
    }

    private void pkix(SignatureReport.Builder report, List<X509Certificate> path, X509Certificate anchor, Instant at) {
        if (report.has(ReasonCode.UNTRUSTED_CHAIN) || report.has(ReasonCode.CERTIFICATE_EXPIRED)
                || report.has(ReasonCode.CERTIFICATE_NOT_YET_VALID)) {
            return;
        }
        List<X509Certificate> certs = new ArrayList<>(path);
        certs.remove(anchor);
        if (certs.isEmpty()) {
            return;
        }
        // Validity was checked above at the signing time; what PKIX adds (critical extensions, basic
        // constraints, path length, policies, name constraints) does not depend on the time: cached.
        List<java.nio.ByteBuffer> key = new ArrayList<>();
        key.add(der(anchor));
        for (X509Certificate c : certs) {
            key.add(der(c));
        }
        String cached = pkixCache.get(key);
        if (cached != null) {
            if (!cached.isEmpty()) {
                report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, cached);
            }
            return;
        }
        String problem = pkixProblem(certs, anchor, at);
        if (pkixCache.size() < CACHE_LIMIT) {
            pkixCache.put(List.copyOf(key), problem);
        }
        if (!problem.isEmpty()) {
            report.indeterminate(ReasonCode.UNTRUSTED_CHAIN, problem);
        }
    }

    /** The full DER encoding as a cache key: equal only for the very same certificate. */
    private static java.nio.ByteBuffer der(X509Certificate c) {
        return java.nio.ByteBuffer.wrap(Certs.encoded(c));
    }

    private static String pkixProblem(List<X509Certificate> certs, X509Certificate anchor, Instant at) {
        try {
            CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(certs);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(cp, params);
            return "";
        } catch (CertPathValidatorException e) {
            return "the chain to '" + Certs.subject(anchor) + "' does not pass PKIX validation: " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return "the chain could not be validated: " + e.getMessage();
        }
    }

    private void checkRevocation(SignatureReport.Builder report, List<X509Certificate> path, X509Certificate anchor,
            Instant signingTime, Instant proven, EmbeddedValidationData data, Purpose purpose) {
        if (revocationChecking == RevocationChecking.OFFLINE && !data.hasNoRevocationData()) {
            checkRevocation(report, path, anchor, signingTime, proven, data, false, purpose);
            return;
        }
        if (revocationChecking == RevocationChecking.OFFLINE) {
            report.revocation(RevocationStatus.UNKNOWN);
            report.indeterminate(ReasonCode.REVOCATION_UNKNOWN, "offline mode: revocation was not checked (no OCSP or "
                    + "CRL request is made), so the certificates may have been revoked; verify online for a final verdict");
            return;
        }
        if (revocationChecking == RevocationChecking.OFF) {
            report.revocation(RevocationStatus.NOT_CHECKED);
            report.warning(ReasonCode.REVOCATION_NOT_CHECKED, "revocation checking was turned off by the application; "
                    + "the certificates may have been revoked");
            return;
        }
        checkRevocation(report, path, anchor, signingTime, proven, data, true, purpose);
    }

    private void checkRevocation(SignatureReport.Builder report, List<X509Certificate> path, X509Certificate anchor,
            Instant signingTime, Instant proven, EmbeddedValidationData data, boolean network, Purpose purpose) {
        // Evidence counts only from after a proven time: a claimed signing time is the signer's word, and an
        // answer embedded beside it may predate a revocation the signature was made after.
        Instant notBefore = proven;
        RevocationStatus overall = RevocationStatus.GOOD;
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            if (cert.equals(anchor)) {
                break;
            }
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            RevocationChecker.Result r = data.hasNoRevocationData() ? revocation.check(cert, issuer)
                    : revocation.check(cert, issuer, data, notBefore, network);
            switch (r.state()) {
                case GOOD -> {
                    // Nothing to report.
                }
                case REVOKED -> {
                    overall = RevocationStatus.REVOKED;
                    String what = "the certificate " + Certs.describe(cert) + " was revoked on " + r.revocationTime()
                            + (r.reason() != null ? " (reason: " + r.reason() + ")" : "") + ", according to " + r.source();
                    if (purpose == Purpose.TIMESTAMPING && !RETIREMENT_REASONS.contains(r.reason())) {
                        report.invalid(ReasonCode.CERTIFICATE_REVOKED, what + "; a timestamp authority's certificate "
                                + "revoked for this reason vouches for no time, whenever the token says it was made");
                    } else if (proven != null && proven.isBefore(r.revocationTime())) {
                        // A trusted signature timestamp proves the signature existed before the revocation.
                        report.warning(ReasonCode.REVOKED_AFTER_SIGNING_TIME, what + ", after " + proven
                                + ", the time the signature timestamp proves the signature existed; it was made while "
                                + "the certificate was not revoked");
                    } else if (signingTime == null || !signingTime.isBefore(r.revocationTime())) {
                        report.invalid(ReasonCode.CERTIFICATE_REVOKED, what
                                + (signingTime != null ? ", no later than the signing time " + signingTime : "")
                                + "; the signature must not be accepted");
                    } else {
                        report.indeterminate(ReasonCode.REVOKED_AFTER_SIGNING_TIME, what + ", after the claimed signing time "
                                + signingTime + "; without a timestamp nothing proves the document was signed before that");
                    }
                }
                case UNKNOWN -> {
                    if (overall == RevocationStatus.GOOD) {
                        overall = RevocationStatus.UNKNOWN;
                    }
                    report.indeterminate(ReasonCode.REVOCATION_UNKNOWN, "whether the certificate " + Certs.describe(cert)
                            + " is revoked could not be established: " + String.join("; ", r.problems())
                            + (network ? ". Check network access to the CA and try again later"
                                    : ". Offline mode: only the validation data the signature embeds was used"));
                }
            }
        }
        report.revocation(overall);
    }
}
