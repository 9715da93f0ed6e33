package vn.govsdk.signing.remote;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import vn.govsdk.signing.internal.remote.InMemorySigningStore;
import vn.govsdk.signing.internal.remote.JdbcSigningStore;

/**
 * Where a remote signer keeps what a webhook needs to complete a transaction: the transactions it
 * started (signer, certificate, digests sent) and how each ended. A webhook that reaches another
 * application instance behind a load balancer finds the transaction here, checks the values against
 * the certificate and digests recorded, and records the outcome; the instance that started it reads
 * the outcome from here. Entries are opaque text written by the signer, with a version for
 * compare-and-set, so that of two instances ending one transaction at once only one wins.
 *
 * <ul>
 *   <li>{@link #inMemory()}: the default, one per signer; protects one process only.</li>
 *   <li>{@link #jdbc(javax.sql.DataSource, String)}: a table in PostgreSQL (or H2) that every instance
 *       shares; the same JDBC machinery as sdk-dataexchange's stores.</li>
 * </ul>
 *
 * <p>Give every instance's signer of one provider the same store. A store that cannot be reached
 * makes {@code signDigests}, {@code status()} and {@code await()} throw
 * {@link RemoteSigningStoreException}, and a webhook be answered 503. Implementations must be
 * thread-safe.
 */
public interface RemoteSigningStore extends AutoCloseable {

    /**
     * One stored entry.
     *
     * @param state the signer's opaque text
     * @param version increases with every write; the token of {@link #replace}
     */
    record Entry(String state, long version) {
    }

    /**
     * Stores an entry, replacing any entry of the key.
     *
     * @param key the key (provider and transaction id)
     * @param state the state
     * @param expiresAt when it may be forgotten
     * @throws RemoteSigningStoreException if the store cannot be written
     */
    void put(String key, String state, Instant expiresAt);

    /**
     * Reads an entry.
     *
     * @param key the key
     * @param now the current time; an expired entry is not returned
     * @return the entry, or empty
     * @throws RemoteSigningStoreException if the store cannot be read
     */
    Optional<Entry> get(String key, Instant now);

    /**
     * Replaces an entry only if it still has the version read.
     *
     * @param key the key
     * @param expectedVersion the version read with {@link #get}
     * @param state the new state
     * @return true if replaced; false if another writer changed or removed it first
     * @throws RemoteSigningStoreException if the store cannot be written
     */
    boolean replace(String key, long expectedVersion, String state);

    /**
     * Removes an entry (a transaction abandoned before the request was complete).
     *
     * @param key the key
     * @throws RemoteSigningStoreException if the store cannot be written
     */
    void remove(String key);

    /** Releases what the store holds; a given data source stays open. */
    @Override
    default void close() {
    }

    /**
     * A store in this process's memory, forgetting entries once they expire.
     *
     * @return the store
     */
    static RemoteSigningStore inMemory() {
        return new InMemorySigningStore();
    }

    /**
     * A store in the table {@code govsdk_remote_signing} of a PostgreSQL (or H2) database.
     *
     * @param dataSource a pooled data source; never closed here
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the database is neither PostgreSQL nor H2
     * @throws RemoteSigningStoreException if the database cannot be reached or the table cannot be created
     */
    static RemoteSigningStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, "");
    }

    /**
     * A store in the table {@code <tablePrefix>govsdk_remote_signing}.
     *
     * @param dataSource a pooled data source; never closed here
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter, at
     *     most 40 characters
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the prefix or the database is not accepted
     * @throws RemoteSigningStoreException if the database cannot be reached or the table cannot be created
     */
    static RemoteSigningStore jdbc(DataSource dataSource, String tablePrefix) {
        return JdbcSigningStore.open(dataSource, tablePrefix);
    }
}
