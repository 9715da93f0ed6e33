package vn.govsdk.signing.internal.verify;

import java.util.List;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.SignatureReport;

/** How a format verifier adds the reasons it collected, so that the first reason is the real one. */
final class Reasons {

    private Reasons() {
    }

    /**
     * Adds INVALID reasons: what broke the signature (a digest or the value) first, then the policy
     * failures (an algorithm, a signing-certificate reference), each in the order found.
     *
     * @param b the report ({@link SignatureReport.Builder#invalid} puts each reason first)
     * @param broken the integrity failures
     * @param policy the policy failures
     * @return the report
     */
    static SignatureReport.Builder integrityFirst(SignatureReport.Builder b, List<Reason> broken, List<Reason> policy) {
        for (int i = policy.size() - 1; i >= 0; i--) {
            b.invalid(policy.get(i).code(), policy.get(i).message());
        }
        for (int i = broken.size() - 1; i >= 0; i--) {
            b.invalid(broken.get(i).code(), broken.get(i).message());
        }
        return b;
    }
}
