package vn.govsdk.signing.internal.verify;

import java.util.List;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.SignatureReport;

/**
 * What a format verifier found in one document.
 *
 * @param signatures one report per signature
 * @param reasons document-level problems
 */
public record FormatResult(List<SignatureReport> signatures, List<Reason> reasons) {

    /**
     * A document-level failure with no signature reports.
     *
     * @param reason the problem
     * @return the result
     */
    public static FormatResult failed(Reason reason) {
        return new FormatResult(List.of(), List.of(reason));
    }
}
