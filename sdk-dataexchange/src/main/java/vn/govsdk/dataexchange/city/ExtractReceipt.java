package vn.govsdk.dataexchange.city;

/**
 * The acknowledgement of an extract request.
 *
 * @param requestId the request id (mã yêu cầu) to follow it with {@link CivilRegistryClient#getExtractStatus}
 * @param state the state at submission, usually {@link ExtractState#RECEIVED}
 */
public record ExtractReceipt(String requestId, ExtractState state) {
}
