package vn.govsdk.dataexchange.outbox;

import java.nio.file.Path;
import javax.sql.DataSource;
import vn.govsdk.dataexchange.internal.outbox.JdbcOutboxEngine;

/**
 * Where a {@link SyncOutbox} keeps its messages. The table ({@code govsdk_outbox}, see
 * {@code docs/outbox.md} for its DDL) is created if missing.
 *
 * <ul>
 *   <li>{@link #h2(Path)}: an embedded H2 database in a directory, nothing to install. One process
 *       owns it at a time (H2 locks the file); the default for a single application instance.</li>
 *   <li>{@link #jdbc(DataSource)}: a table in a PostgreSQL database (or H2) the application gives as
 *       a pooled {@link DataSource}. Several application instances may share it: claims use
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED} with leases, and each dossier (hồ sơ) is still
 *       delivered in order across instances.</li>
 * </ul>
 *
 * <p>Thread-safe. Closing the store releases what it opened (the H2 database); a data source the
 * application gave is never closed. Close the {@link SyncOutbox} first.
 */
public final class OutboxStore implements AutoCloseable {

    private final JdbcOutboxEngine engine;

    private OutboxStore(JdbcOutboxEngine engine) {
        this.engine = engine;
    }

    /**
     * Opens the embedded H2 file store in a directory, creating the directory, the database and the
     * table as needed. Each commit reaches the file before it returns, so a process killed after
     * {@link SyncOutbox#enqueue(OutboxMessage)} returned keeps the message.
     *
     * @param directory the directory for the database file ({@code govsdk-outbox.mv.db})
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the directory is null
     * @throws OutboxStoreException if the database cannot be opened, for example because another
     *     process has it open
     */
    public static OutboxStore h2(Path directory) {
        return new OutboxStore(JdbcOutboxEngine.h2(directory));
    }

    /**
     * Opens the store in the table {@code govsdk_outbox} of a PostgreSQL (or H2) database.
     *
     * @param dataSource a pooled data source (HikariCP or the application server's); never closed here
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the database is neither PostgreSQL nor H2
     * @throws OutboxStoreException if the database cannot be reached or the table cannot be created
     */
    public static OutboxStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, "");
    }

    /**
     * Opens the store in the table {@code <tablePrefix>govsdk_outbox}, so that several outboxes (or
     * tests) share one database without meeting. To use another schema, set it on the data source
     * (PostgreSQL {@code currentSchema}).
     *
     * @param dataSource a pooled data source; never closed here
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter,
     *     at most 40 characters
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the prefix or the database is not accepted
     * @throws OutboxStoreException if the database cannot be reached or the table cannot be created
     */
    public static OutboxStore jdbc(DataSource dataSource, String tablePrefix) {
        return new OutboxStore(JdbcOutboxEngine.jdbc(dataSource, tablePrefix));
    }

    /**
     * Returns the name of the table the store uses.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return engine.table();
    }

    JdbcOutboxEngine engine() {
        return engine;
    }

    /** Closes what the store opened itself (the H2 database); a given data source stays open. */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Describes the store.
     *
     * @return the kind of store and where it is
     */
    @Override
    public String toString() {
        return "OutboxStore[" + engine + "]";
    }
}
