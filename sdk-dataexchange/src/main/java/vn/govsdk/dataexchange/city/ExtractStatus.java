package vn.govsdk.dataexchange.city;

import java.util.Optional;

/**
 * The status of an extract request.
 *
 * @param requestId the request id
 * @param state the state
 * @param rawState the state code as served (useful when {@code state} is {@link ExtractState#UNKNOWN})
 * @param reason the reason of a refusal, or {@code null}
 * @param extract the extract once {@link ExtractState#COMPLETED}, otherwise {@code null}
 */
public record ExtractStatus(String requestId, ExtractState state, String rawState, String reason, CivilExtract extract) {

    /**
     * Returns the extract, if ready.
     *
     * @return the extract, or empty
     */
    public Optional<CivilExtract> result() {
        return Optional.ofNullable(extract);
    }
}
