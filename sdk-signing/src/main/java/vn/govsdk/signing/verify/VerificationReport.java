package vn.govsdk.signing.verify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.govsdk.signing.internal.verify.ReportJson;

/**
 * The result of verifying one document: a {@link SignatureReport} per signature found, and the
 * overall verdict. A document is VALID only if it holds at least one signature and every signature is
 * VALID; a document without signatures, or one that cannot be read as a signature format, is INVALID
 * with the reason in {@link #reasons()}. Immutable.
 */
public final class VerificationReport {

    private final String documentName;
    private final Instant validationTime;
    private final RevocationChecking revocationChecking;
    private final List<SignatureReport> signatures;
    private final List<Reason> reasons;

    /**
     * Creates the report.
     *
     * @param documentName the verified document's name
     * @param validationTime when the verification ran (the verifier's clock)
     * @param revocationChecking whether revocation was checked
     * @param signatures one report per signature
     * @param reasons document-level problems (no signature, unreadable, unsafe); empty otherwise
     */
    public VerificationReport(String documentName, Instant validationTime, RevocationChecking revocationChecking,
            List<SignatureReport> signatures, List<Reason> reasons) {
        this.documentName = Objects.requireNonNull(documentName, "documentName");
        this.validationTime = Objects.requireNonNull(validationTime, "validationTime");
        this.revocationChecking = Objects.requireNonNull(revocationChecking, "revocationChecking");
        this.signatures = List.copyOf(signatures);
        this.reasons = List.copyOf(reasons);
    }

    /**
     * Returns the verified document's name.
     *
     * @return the name
     */
    public String documentName() {
        return documentName;
    }

    /**
     * Returns when the verification ran.
     *
     * @return the validation time
     */
    public Instant validationTime() {
        return validationTime;
    }

    /**
     * Returns whether revocation was checked.
     *
     * @return the mode used
     */
    public RevocationChecking revocationChecking() {
        return revocationChecking;
    }

    /**
     * Returns one report per signature, in document order.
     *
     * @return the signature reports
     */
    public List<SignatureReport> signatures() {
        return signatures;
    }

    /**
     * Returns document-level problems: no signature found, not readable, refused as unsafe.
     *
     * @return the reasons; empty when the document could be read and holds signatures
     */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * Returns the overall verdict: INDETERMINATE if the document was refused at one of the verifier's
     * limits ({@link ReasonCode#LIMIT_EXCEEDED}: nothing is known about its signatures); INVALID if the
     * document has another problem of its own, no signature or an INVALID signature; otherwise
     * INDETERMINATE if any signature is; otherwise VALID.
     *
     * @return the verdict
     */
    public SignatureStatus status() {
        if (!reasons.isEmpty() && reasons.stream().allMatch(r -> r.code() == ReasonCode.LIMIT_EXCEEDED)) {
            return SignatureStatus.INDETERMINATE;
        }
        if (!reasons.isEmpty() || signatures.isEmpty()) {
            return SignatureStatus.INVALID;
        }
        SignatureStatus worst = SignatureStatus.VALID;
        for (SignatureReport r : signatures) {
            if (r.status() == SignatureStatus.INVALID) {
                return SignatureStatus.INVALID;
            }
            if (r.status() == SignatureStatus.INDETERMINATE) {
                worst = SignatureStatus.INDETERMINATE;
            }
        }
        return worst;
    }

    /**
     * Tells whether the overall verdict is VALID.
     *
     * @return {@code true} if valid
     */
    public boolean isValid() {
        return status() == SignatureStatus.VALID;
    }

    /**
     * Returns the report as JSON (UTF-8 text): document, status, reasons, and for each signature its
     * format, level, status, reasons, warnings, signer and chain (subject, issuer, serial), trust anchor,
     * signing time, algorithm, integrity, revocation and signed references.
     *
     * @return the JSON text
     */
    public String toJson() {
        return ReportJson.write(this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(documentName).append(": ").append(status()).append(" (").append(signatures.size())
                .append(signatures.size() == 1 ? " signature" : " signatures")
                .append(revocationChecking == RevocationChecking.OFF ? ", revocation NOT checked"
                        : revocationChecking == RevocationChecking.OFFLINE ? ", offline: revocation unknown" : "")
                .append(')');
        for (Reason r : reasons) {
            s.append("\n  - ").append(r);
        }
        int n = 0;
        for (SignatureReport r : signatures) {
            s.append("\n[").append(++n).append("] ").append(r.toString().replace("\n", "\n    "));
        }
        return s.toString();
    }
}
