package vn.govsdk.dataexchange.payment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.govsdk.dataexchange.outbox.TestDatabases;
import vn.govsdk.dataexchange.outbox.TestPool;

/** The databases the payment store tests run on: embedded H2 and PostgreSQL (which must be reachable). */
enum StoreKind {
    H2, POSTGRESQL;

    /** The payment and replay stores of one test, cleaned away on close. */
    static final class Stores implements AutoCloseable {
        final PaymentStore payments;
        final ReplayStore replays;
        private final TestPool pool;
        private final String prefix;
        private final List<AutoCloseable> opened = new ArrayList<>();

        private Stores(PaymentStore payments, ReplayStore replays, TestPool pool, String prefix) {
            this.payments = payments;
            this.replays = replays;
            this.pool = pool;
            this.prefix = prefix;
            opened.add(payments);
            opened.add(replays);
        }

        /** Another application instance's own stores on the same PostgreSQL tables (own pool). */
        Stores otherInstance(Duration retention) {
            if (pool == null) {
                throw new IllegalStateException("H2 is one process's store");
            }
            TestPool other = TestDatabases.postgres();
            Stores s = new Stores(PaymentStore.jdbc(other, prefix), ReplayStore.jdbc(other, prefix, retention), null,
                    prefix);
            opened.add(s);
            opened.add(other);
            return s;
        }

        @Override
        public void close() {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (pool != null) {
                try {
                    TestDatabases.dropTable(pool, prefix + "govsdk_payment");
                    TestDatabases.dropTable(pool, prefix + "govsdk_payment_replay");
                } finally {
                    pool.close();
                }
            }
        }
    }

    Stores open(Path dir, Duration retention) {
        if (this == H2) {
            return new Stores(PaymentStore.h2(dir), ReplayStore.h2(dir, retention), null, null);
        }
        TestPool pool = TestDatabases.postgres();
        String prefix = TestDatabases.uniquePrefix();
        try {
            return new Stores(PaymentStore.jdbc(pool, prefix), ReplayStore.jdbc(pool, prefix, retention), pool, prefix);
        } catch (RuntimeException e) {
            pool.close();
            throw new AssertionError("PostgreSQL is required for these tests and is unreachable at "
                    + TestDatabases.PG_URL + ": " + e.getMessage(), e);
        }
    }
}
