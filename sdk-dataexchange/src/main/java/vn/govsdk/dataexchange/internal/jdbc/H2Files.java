package vn.govsdk.dataexchange.internal.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.h2.jdbcx.JdbcConnectionPool;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.jdbc.JdbcDatabase;

/**
 * Opens the embedded H2 file databases of this module's default stores (the outbox, the payment and
 * replay stores) on sdk-core's JDBC machinery. One store per file and process: a second open of the
 * same file in this process is refused, and H2 locks the file against other processes.
 */
public final class H2Files {

    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    private H2Files() {
    }

    /**
     * Opens (creating if needed) an H2 file database in a directory.
     *
     * @param directory the directory; created if missing
     * @param fileName the database file's base name ({@code fileName.mv.db})
     * @param what what the store is, for messages ("outbox", "payment store")
     * @param errors makes the store's exception from a message and a cause
     * @return the database, owning its connection pool
     */
    public static JdbcDatabase open(Path directory, String fileName, String what,
            BiFunction<String, Throwable, RuntimeException> errors) {
        if (directory == null) {
            throw new InvalidInputException("directory", "must not be null");
        }
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw errors.apply("cannot create the " + what + " directory " + dir + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses nothing
        // committed. The file is locked by this process while the database is open.
        String url = "jdbc:h2:file:" + dir.resolve(fileName) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        if (!OPEN.add(url)) {
            throw errors.apply("the H2 " + what + " in " + dir + " is already open in this process; share one store",
                    null);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        return JdbcDatabase.owned(pool, JdbcDatabase.Dialect.H2, url, what, "H2 file store in " + dir, errors, () -> {
            pool.dispose();
            OPEN.remove(url);
        });
    }
}
