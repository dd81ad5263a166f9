package com.chargeline.storage;

import com.chargeline.common.system.CpuPriority;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;

/** The connection pool, the Flyway migrations and the Jdbi instance every repository runs on. */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** {@link #asyncCommitDataSource}'s pool, made on first use. */
    private volatile HikariDataSource asyncCommit;
    /** {@link #bulk}'s database, made on first use, and the nice value it was made with. */
    private volatile Database bulk;
    private int bulkNice;
    /** The embedded PostgreSQL's postmaster, parent of this database's backends; 0 when not on this machine. */
    private final long postmasterPid;
    /** The monthly partitions known to exist in this database (see {@link MonthlyPartitions}). */
    final java.util.Set<String> knownPartitions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Database(HikariDataSource dataSource, long postmasterPid, ConnectionFactory connections) {
        this.dataSource = dataSource;
        this.postmasterPid = postmasterPid;
        this.jdbi = Jdbi.create(connections)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }

    public static Database connect(String jdbcUrl, String user, String password, MeterRegistry registry) {
        return connect(jdbcUrl, user, password, registry, 0);
    }

    /**
     * The pool and its Jdbi. {@code postmasterPid}, when not 0, is the embedded PostgreSQL's server process on this
     * machine, whose backends {@link #bulk} may run at a lower CPU priority.
     */
    public static Database connect(String jdbcUrl, String user, String password, MeterRegistry registry,
                                   long postmasterPid) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("chargeline");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(15_000);
        if (registry != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        var pool = new HikariDataSource(config);
        return new Database(pool, postmasterPid, pool::getConnection);
    }

    /** Applies the migrations under {@code db/migration}; a no-op when the schema is current. */
    public org.flywaydb.core.api.output.MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Connections of a second, smaller pool (up to 8, made on first use) whose commits do not wait for the WAL to
     * reach the disk ({@code synchronous_commit = off}): for state of which a crash of PostgreSQL may lose the last
     * fraction of a second without harm — the rate-limit buckets, where it means a few requests more after a crash.
     * Everything else stays on {@link #dataSource}. Under ingest, whose commits flush megabytes of WAL, a synchronous
     * commit of one bucket row waited for that flush: 2 ms at the median, up to 200 ms (docs/BENCHMARKS.md).
     * Locks and visibility are as on any connection, so the limits hold exactly across nodes while PostgreSQL runs.
     */
    public DataSource asyncCommitDataSource() {
        var pool = asyncCommit;
        if (pool == null) {
            synchronized (this) {
                pool = asyncCommit;
                if (pool == null) {
                    var config = secondPool("chargeline-async-commit", 1);
                    config.setConnectionInitSql("SET synchronous_commit = off");
                    pool = new HikariDataSource(config);
                    asyncCommit = pool;
                }
            }
        }
        return pool;
    }

    /**
     * A second pool's settings: the main pool's (URL, credentials, timeouts, metrics), then its own name, up to 8
     * connections and {@code minimumIdle} kept open.
     */
    private HikariConfig secondPool(String name, int minimumIdle) {
        var config = new HikariConfig();
        dataSource.copyStateTo(config);
        config.setPoolName(name);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(minimumIdle);
        return config;
    }

    /**
     * Where bulk writes run (ingest's transactions): on the embedded PostgreSQL a pool of its own (up to 8
     * connections) whose backends run at CPU priority {@code nice} (see {@link CpuPriority}), each lowered when
     * first handed out, so that while ingest keeps the cores busy the backends of report and plan reads get them
     * first; the main pool's backends are never lowered. On an external PostgreSQL (whose processes are not this
     * machine's to renice) and with {@code nice} 0, this database itself. What runs through its Jdbi (handles,
     * transactions, repositories) is lowered, not its {@link #dataSource}'s raw connections; its backends'
     * {@code application_name} is {@code chargeline-bulk}. Made on first use; one nice value per database (asking
     * for another afterwards is a programming error).
     */
    public Database bulk(int nice) {
        if (nice == 0 || postmasterPid == 0) {
            return this;
        }
        var made = bulk;
        if (made == null) {
            synchronized (this) {
                made = bulk;
                if (made == null) {
                    var config = secondPool("chargeline-bulk", 0);
                    // what pg_stat_activity shows as the backend's application_name
                    config.addDataSourceProperty("ApplicationName", "chargeline-bulk");
                    var pool = new HikariDataSource(config);
                    var lowered = new LoweredBackends(postmasterPid, nice);
                    made = new Database(pool, 0, () -> lowered.lower(pool.getConnection()));
                    bulkNice = nice;
                    bulk = made;
                }
            }
        }
        if (bulkNice != nice) {
            throw new IllegalStateException("the bulk pool runs at nice " + bulkNice + ", not " + nice);
        }
        return made;
    }

    /**
     * The backends of the bulk pool already lowered, by their physical connection (a backend lives as long as its
     * connection); a backend is lowered only when it is a child of the embedded postmaster, so a process id can
     * never name another process of this machine.
     */
    private static final class LoweredBackends {
        private final long postmasterPid;
        private final int nice;
        private final java.util.Map<PGConnection, Boolean> seen =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        LoweredBackends(long postmasterPid, int nice) {
            this.postmasterPid = postmasterPid;
            this.nice = nice;
        }

        java.sql.Connection lower(java.sql.Connection connection) throws java.sql.SQLException {
            var physical = connection.unwrap(PGConnection.class);
            if (seen.putIfAbsent(physical, Boolean.TRUE) == null) {
                long pid = physical.getBackendPID();
                boolean ours = ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                        .map(parent -> parent.pid() == postmasterPid).orElse(false);
                if (ours) {
                    CpuPriority.lowerProcess(pid, nice);
                }
            }
            return connection;
        }
    }

    /** Runs {@code callback} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        return jdbi.inTransaction(callback);
    }

    /**
     * {@link #inTransaction}, run again (three attempts in all, after a short random pause) when PostgreSQL aborts
     * the transaction for a deadlock (40P01) or a serialization failure (40001): both leave nothing behind and are
     * the database's way of saying "try again", not the client's fault. {@code callback} must be safe to re-run.
     */
    public <T> T inTransactionRetrying(HandleCallback<T, RuntimeException> callback) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(callback);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !retryable(e)) {
                    throw e;
                }
                LOG.info("transaction aborted by PostgreSQL ({}), attempt {} of 3", sqlState(e), attempt);
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean retryable(Throwable e) {
        var state = sqlState(e);
        return "40P01".equals(state) || "40001".equals(state);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    public <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        return jdbi.withHandle(callback);
    }

    /**
     * Calls one repository (a Jdbi SqlObject) on its own handle. Unlike {@code withHandle(h -> h.attach(...))}
     * this reuses Jdbi's cached metadata of the repository: attaching to a fresh handle rebuilds it on
     * every call (jdbi/jdbi#2991), which cost about half of a report request's CPU.
     */
    public <R, T> T withRepository(Class<R> repository, ExtensionCallback<T, R, RuntimeException> callback) {
        return jdbi.withExtension(repository, callback);
    }

    public <R> R attach(Handle handle, Class<R> repository) {
        return handle.attach(repository);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (asyncCommit != null) {
                asyncCommit.close();
            }
            if (bulk != null) {
                bulk.close();
            }
        }
        dataSource.close();
    }
}
