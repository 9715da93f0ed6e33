package vn.govsdk.signing.internal.remote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.govsdk.signing.remote.RemoteSigningStatus;

/**
 * One answer of a provider about a transaction.
 *
 * @param status the mapped status
 * @param code the provider's own code, or {@code null}
 * @param message the provider's message (masked before use), or {@code null}
 * @param valuesById raw signature values by document id (empty if the provider gives none by id)
 * @param valuesByDigest raw signature values by the hex of the digest they sign, when the provider echoes it
 * @param valuesInOrder raw signature values in the order sent, when the provider gives no ids
 * @param suggestedDelay the provider's pacing, or {@code null}
 */
public record ProviderStatus(RemoteSigningStatus status, String code, String message, Map<String, byte[]> valuesById,
        Map<String, byte[]> valuesByDigest, List<byte[]> valuesInOrder, Duration suggestedDelay) {

    /**
     * Normalises the collections.
     *
     * @param status the status
     * @param code the code
     * @param message the message
     * @param valuesById values by id
     * @param valuesByDigest values by digest hex
     * @param valuesInOrder values in order
     * @param suggestedDelay the pacing
     */
    public ProviderStatus {
        valuesById = valuesById == null ? Map.of() : Map.copyOf(valuesById);
        valuesByDigest = valuesByDigest == null ? Map.of() : Map.copyOf(valuesByDigest);
        valuesInOrder = valuesInOrder == null ? List.of() : List.copyOf(valuesInOrder);
    }

    /**
     * A status without values.
     *
     * @param status the status
     * @param code the provider's code
     * @param message the provider's message
     * @return the answer
     */
    public static ProviderStatus of(RemoteSigningStatus status, String code, String message) {
        return new ProviderStatus(status, code, message, null, null, null, null);
    }
}
