package vn.govsdk.testkit.remotesigning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A snapshot of one signing transaction held by a remote signing mock.
 *
 * @param id the provider's transaction id, the one clients poll with
 * @param userId the subscriber's 12-digit id
 * @param state where the transaction stands
 * @param polls how many status polls it has received
 * @param documents how many digests it signs
 * @param createdAt when it was created, by the platform clock
 * @param endedAt when it ended, empty while it is waiting
 */
public record RemoteTransaction(String id, String userId, TransactionState state, int polls, int documents,
        Instant createdAt, Optional<Instant> endedAt) {

    /**
     * Validates the parts.
     *
     * @param id the id
     * @param userId the user id
     * @param state the state
     * @param polls the poll count
     * @param documents the document count
     * @param createdAt the creation time
     * @param endedAt the end time, if ended
     */
    public RemoteTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    /**
     * Describes the transaction with the user id masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "RemoteTransaction[" + id + ", user=" + PersonalDataMasker.standard().maskText(userId) + ", " + state
                + ", polls=" + polls + ", documents=" + documents + "]";
    }
}
