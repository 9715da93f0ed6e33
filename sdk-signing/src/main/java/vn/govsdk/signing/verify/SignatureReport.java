package vn.govsdk.signing.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Node;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;

/**
 * The verdict on one signature: format and level, signer, claimed signing time, integrity, status
 * with reasons, the certificate chain and the trust anchor it leads to, the revocation result, and the
 * content that was actually signed. Immutable.
 */
public final class SignatureReport {

    /**
     * The reasons that mean the chain does not validate even though it reaches a trust anchor: a broken
     * or unacceptable path, a certificate outside its validity at the evaluated time, a certificate not
     * meant for its use. The one rule {@link #chainStatus()} follows.
     */
    private static final java.util.Set<ReasonCode> CHAIN_FAILURES = java.util.EnumSet.of(ReasonCode.UNTRUSTED_CHAIN,
            ReasonCode.CERTIFICATE_EXPIRED, ReasonCode.CERTIFICATE_NOT_YET_VALID, ReasonCode.KEY_USAGE);

    private final SignatureFormat format;
    private final SignatureLevel level;
    private final SignatureStatus status;
    private final List<Reason> reasons;
    private final List<Reason> warnings;
    private final CertificateInfo signer;
    private final List<CertificateInfo> chain;
    private final CertificateInfo trustAnchor;
    private final Instant signingTime;
    private final String missingIssuer;
    private final String algorithm;
    private final boolean intact;
    private final RevocationStatus revocation;
    private final List<SignedContent> signedContent;
    private final String signatureId;
    private final TimestampReport timestamp;

    private SignatureReport(Builder b) {
        this.format = Objects.requireNonNull(b.format, "format");
        this.level = b.level == null ? SignatureLevel.NONE : b.level;
        this.reasons = List.copyOf(b.reasons);
        this.warnings = List.copyOf(b.warnings);
        this.signer = b.signer;
        this.chain = List.copyOf(b.chain);
        this.trustAnchor = b.trustAnchor;
        this.signingTime = b.signingTime;
        this.missingIssuer = b.missingIssuer;
        this.algorithm = b.algorithm;
        this.intact = b.intact;
        this.revocation = b.revocation == null ? RevocationStatus.NOT_CHECKED : b.revocation;
        this.signedContent = intact ? List.copyOf(b.signedContent) : List.of();
        this.signatureId = b.signatureId;
        this.timestamp = b.timestamp;
        this.status = b.status;
    }

    /**
     * Returns the format.
     *
     * @return for example {@link SignatureFormat#XADES}
     */
    public SignatureFormat format() {
        return format;
    }

    /**
     * Returns the baseline level recognised.
     *
     * @return the level, {@link SignatureLevel#NONE} for plain XML signatures, PKCS#7 and JWS
     */
    public SignatureLevel level() {
        return level;
    }

    /**
     * Returns the verdict.
     *
     * @return VALID, INVALID or INDETERMINATE
     */
    public SignatureStatus status() {
        return status;
    }

    /**
     * Tells whether the verdict is VALID.
     *
     * @return {@code true} if valid
     */
    public boolean isValid() {
        return status == SignatureStatus.VALID;
    }

    /**
     * Returns why the signature is not VALID; empty when it is.
     *
     * @return the reasons, worst first
     */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * Returns remarks that do not change the verdict, such as revocation checking having been turned off.
     *
     * @return the warnings
     */
    public List<Reason> warnings() {
        return warnings;
    }

    /**
     * Returns the signer's certificate, when it was found.
     *
     * @return the signer
     */
    public Optional<CertificateInfo> signer() {
        return Optional.ofNullable(signer);
    }

    /**
     * Returns the certificate chain built from the signer towards the trust anchor (signer first; the
     * anchor included when one was reached).
     *
     * @return the chain, empty if the signer is unknown
     */
    public List<CertificateInfo> chain() {
        return chain;
    }

    /**
     * Returns the trusted root the chain was built to; whether the chain validates is
     * {@link #chainStatus()}.
     *
     * @return the anchor, empty if no chain to a trusted root was found
     */
    public Optional<CertificateInfo> trustAnchor() {
        return Optional.ofNullable(trustAnchor);
    }

    /**
     * Returns the signing time the signature claims (in signed attributes; not proven without a timestamp).
     *
     * @return the time, if the signature states one
     */
    public Optional<Instant> signingTime() {
        return Optional.ofNullable(signingTime);
    }

    /**
     * Returns the subject of the issuer certificate that is missing from the chain (neither in the
     * signature nor among the trust anchors), when the chain is {@link ChainStatus#INCOMPLETE}.
     *
     * @return the missing issuer's subject DN
     */
    public Optional<String> missingIssuer() {
        return Optional.ofNullable(missingIssuer);
    }

    /**
     * Returns where the signer's chain leads: TRUSTED when it reaches {@link #trustAnchor()} and validates
     * (signatures, validity at the evaluated time, constraints, the certificates' purpose), INCOMPLETE when
     * an issuer is missing (see {@link #missingIssuer()}), UNTRUSTED otherwise, including a chain that
     * reaches an anchor but fails one of those checks: a report never holds TRUSTED beside a reason
     * {@link ReasonCode#UNTRUSTED_CHAIN}, {@link ReasonCode#CERTIFICATE_EXPIRED},
     * {@link ReasonCode#CERTIFICATE_NOT_YET_VALID} or {@link ReasonCode#KEY_USAGE}.
     *
     * @return the chain status
     */
    public ChainStatus chainStatus() {
        if (trustAnchor != null) {
            return reasons.stream().anyMatch(r -> CHAIN_FAILURES.contains(r.code())) ? ChainStatus.UNTRUSTED
                    : ChainStatus.TRUSTED;
        }
        return missingIssuer != null ? ChainStatus.INCOMPLETE : ChainStatus.UNTRUSTED;
    }

    /**
     * Returns the integrity verdict: INTACT when every digest and the signature value verified, BROKEN
     * otherwise.
     *
     * @return the verdict
     */
    public Integrity integrity() {
        return intact ? Integrity.INTACT : Integrity.BROKEN;
    }

    /**
     * Returns the signature algorithm as the signature names it.
     *
     * @return for example {@code RSA_SHA256}, or the URI or OID of an algorithm the SDK does not permit
     */
    public String algorithm() {
        return algorithm == null ? "unknown" : algorithm;
    }

    /**
     * Tells whether the cryptographic check passed: every digest matches and the signature value
     * verifies with the signer's key.
     *
     * @return {@code true} if the signed content is unaltered
     */
    public boolean isIntact() {
        return intact;
    }

    /**
     * Returns the revocation result.
     *
     * @return the status
     */
    public RevocationStatus revocation() {
        return revocation;
    }

    /**
     * Returns what the signature covers. Empty when the signature is not intact, so nothing unsigned is
     * ever handed out as signed.
     *
     * @return the signed content
     */
    public List<SignedContent> signedContent() {
        return signedContent;
    }

    /**
     * Tells whether a node of a verified XML document is covered by this intact signature: it is one of
     * the signed nodes or inside one. Use it before trusting an element the application found by itself.
     *
     * @param node a node of the document the verifier parsed (from {@link SignedContent#node()})
     * @return {@code true} if the node is signed
     */
    public boolean covers(Node node) {
        if (node == null || !intact) {
            return false;
        }
        for (SignedContent c : signedContent) {
            Node signed = c.node().orElse(null);
            if (signed == null) {
                continue;
            }
            for (Node n = node; n != null; n = n.getParentNode()) {
                if (n == signed) {
                    return !insideSignature(node, signed);
                }
            }
        }
        return false;
    }

    private static boolean insideSignature(Node node, Node signedRoot) {
        for (Node n = node; n != null && n != signedRoot; n = n.getParentNode()) {
            if ("Signature".equals(n.getLocalName()) && "http://www.w3.org/2000/09/xmldsig#".equals(n.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the signature's identifier in the document, if it has one (XML {@code Id}).
     *
     * @return the id
     */
    public Optional<String> signatureId() {
        return Optional.ofNullable(signatureId);
    }

    /**
     * Returns the signature timestamp (RFC 3161) attached to the signature, if any.
     *
     * @return the timestamp's verdict
     */
    public Optional<TimestampReport> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(format.displayName());
        if (level != SignatureLevel.NONE) {
            s.append(' ').append(level.displayName());
        }
        s.append(": ").append(status);
        if (signer != null) {
            s.append(", signed by '").append(vn.govsdk.signing.internal.Certs.maskIdentifiers(signer.subject()))
                    .append("' (issuer '").append(signer.issuer())
                    .append("', serial ").append(signer.serialNumber()).append(')');
        }
        if (signingTime != null) {
            s.append(" at ").append(signingTime);
        }
        if (timestamp != null) {
            s.append("\n  timestamp ").append(timestamp.time()).append(" by '")
                    .append(timestamp.authority() == null ? "?" : timestamp.authority().subject()).append("': ")
                    .append(timestamp.integrity()).append(", chain ").append(timestamp.chainStatus())
                    .append(timestamp.trustAnchor() == null ? "" : " to '" + timestamp.trustAnchor().subject() + "'");
        }
        for (Reason r : reasons) {
            s.append("\n  - ").append(r);
        }
        for (Reason r : warnings) {
            s.append("\n  ! ").append(r);
        }
        return s.toString();
    }

    /**
     * Returns a builder; used by the verifier and by format extensions.
     *
     * @param format the format
     * @return the builder
     */
    public static Builder builder(SignatureFormat format) {
        return new Builder(format);
    }

    /**
     * Returns a builder holding this report's values, to add findings of an enclosing format (a PDF
     * checks its byte ranges and later updates around the CMS verdict).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(format);
        b.level = level;
        b.status = status;
        b.reasons.addAll(reasons);
        b.warnings.addAll(warnings);
        b.signer = signer;
        b.chain.addAll(chain);
        b.trustAnchor = trustAnchor;
        b.signingTime = signingTime;
        b.missingIssuer = missingIssuer;
        b.algorithm = algorithm;
        b.intact = intact;
        b.revocation = revocation;
        b.signedContent.addAll(signedContent);
        b.signatureId = signatureId;
        b.timestamp = timestamp;
        return b;
    }

    /** Builds a {@link SignatureReport}; the status is derived from the reasons. */
    public static final class Builder {
        private final SignatureFormat format;
        private SignatureLevel level;
        private SignatureStatus status = SignatureStatus.VALID;
        private final List<Reason> reasons = new ArrayList<>();
        private final List<Reason> warnings = new ArrayList<>();
        private CertificateInfo signer;
        private final List<CertificateInfo> chain = new ArrayList<>();
        private CertificateInfo trustAnchor;
        private Instant signingTime;
        private String missingIssuer;
        private String algorithm;
        private boolean intact;
        private RevocationStatus revocation;
        private final List<SignedContent> signedContent = new ArrayList<>();
        private String signatureId;
        private TimestampReport timestamp;

        private Builder(SignatureFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        /**
         * Sets the level.
         *
         * @param level the level
         * @return this builder
         */
        public Builder level(SignatureLevel level) {
            this.level = level;
            return this;
        }

        /**
         * Adds a reason that makes the signature INVALID.
         *
         * @param code the code
         * @param message the explanation
         * @return this builder
         */
        public Builder invalid(ReasonCode code, String message) {
            reasons.add(0, new Reason(code, message));
            status = SignatureStatus.INVALID;
            return this;
        }

        /**
         * Adds a reason that makes the signature INDETERMINATE unless it is already INVALID.
         *
         * @param code the code
         * @param message the explanation
         * @return this builder
         */
        public Builder indeterminate(ReasonCode code, String message) {
            reasons.add(new Reason(code, message));
            if (status == SignatureStatus.VALID) {
                status = SignatureStatus.INDETERMINATE;
            }
            return this;
        }

        /**
         * Adds a warning that does not change the status.
         *
         * @param code the code
         * @param message the explanation
         * @return this builder
         */
        public Builder warning(ReasonCode code, String message) {
            warnings.add(new Reason(code, message));
            return this;
        }

        /**
         * Tells whether a reason with this code was added.
         *
         * @param code the code
         * @return {@code true} if present
         */
        public boolean has(ReasonCode code) {
            return reasons.stream().anyMatch(r -> r.code() == code);
        }

        /**
         * Returns the status the reasons so far give.
         *
         * @return the status
         */
        public SignatureStatus status() {
            return status;
        }

        /**
         * Sets the signer.
         *
         * @param signer the signer
         * @return this builder
         */
        public Builder signer(CertificateInfo signer) {
            this.signer = signer;
            return this;
        }

        /**
         * Sets the chain.
         *
         * @param chain the chain, signer first
         * @return this builder
         */
        public Builder chain(List<CertificateInfo> chain) {
            this.chain.clear();
            this.chain.addAll(chain);
            return this;
        }

        /**
         * Sets the trust anchor reached.
         *
         * @param anchor the anchor
         * @return this builder
         */
        public Builder trustAnchor(CertificateInfo anchor) {
            this.trustAnchor = anchor;
            return this;
        }

        /**
         * Sets the claimed signing time.
         *
         * @param time the time
         * @return this builder
         */
        public Builder signingTime(Instant time) {
            this.signingTime = time;
            return this;
        }

        /**
         * Sets the algorithm name.
         *
         * @param algorithm the name
         * @return this builder
         */
        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /**
         * Records that the cryptographic check passed.
         *
         * @param intact {@code true} if every digest and the signature value verified
         * @return this builder
         */
        public Builder intact(boolean intact) {
            this.intact = intact;
            return this;
        }

        /**
         * Sets the revocation result.
         *
         * @param revocation the result
         * @return this builder
         */
        public Builder revocation(RevocationStatus revocation) {
            this.revocation = revocation;
            return this;
        }

        /**
         * Adds signed content.
         *
         * @param content the content
         * @return this builder
         */
        public Builder signedContent(SignedContent content) {
            this.signedContent.add(content);
            return this;
        }

        /**
         * Records the subject of the issuer certificate missing from the chain.
         *
         * @param subject the missing issuer's subject DN
         * @return this builder
         */
        public Builder missingIssuer(String subject) {
            this.missingIssuer = subject;
            return this;
        }

        /**
         * Returns the signing time set so far.
         *
         * @return the signing time, or {@code null}
         */
        public Instant signingTime() {
            return signingTime;
        }

        /**
         * Sets the signature's id.
         *
         * @param id the id
         * @return this builder
         */
        public Builder signatureId(String id) {
            this.signatureId = id;
            return this;
        }

        /**
         * Sets the signature timestamp's verdict.
         *
         * @param timestamp the timestamp
         * @return this builder
         */
        public Builder timestamp(TimestampReport timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public SignatureReport build() {
            if (!intact && status == SignatureStatus.VALID) {
                invalid(ReasonCode.STRUCTURE_INVALID, "the signature could not be checked");
            }
            return new SignatureReport(this);
        }
    }
}
