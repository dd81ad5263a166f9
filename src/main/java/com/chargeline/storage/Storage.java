package com.chargeline.storage;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database Chargeline runs on: an external PostgreSQL when a JDBC URL is given, else the
 * embedded PostgreSQL in the data dir. Migrated on open.
 */
public final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    private final EmbeddedDatabase embedded;
    private final Database database;

    private Storage(EmbeddedDatabase embedded, Database database) {
        this.embedded = embedded;
        this.database = database;
    }

    /** Where the data lives. {@code dbUrl} null means the embedded server under {@code dataDir}. */
    public record Target(Path dataDir, String dbUrl, String dbUser, String dbPassword, Map<String, String> pgConfig) {
        public Target {
            pgConfig = Map.copyOf(pgConfig);
        }
    }

    public static Storage open(Target target, MeterRegistry registry) {
        long started = System.nanoTime();
        EmbeddedDatabase embedded = null;
        String url = target.dbUrl();
        String user = target.dbUser();
        long postmasterPid = 0;
        if (url == null) {
            embedded = EmbeddedDatabase.open(target.dataDir(), target.pgConfig());
            url = embedded.jdbcUrl();
            user = "postgres";
            postmasterPid = embedded.postmasterPid();
            LOG.info("embedded PostgreSQL ready on port {} in {} ms", embedded.port(), (System.nanoTime() - started) / 1_000_000);
        }
        try {
            var database = Database.connect(url, user, target.dbPassword(), registry, postmasterPid);
            long migrating = System.nanoTime();
            var migrated = database.migrate();
            LOG.atInfo().addKeyValue("from_version", migrated.initialSchemaVersion == null ? "none"
                            : migrated.initialSchemaVersion)
                    .addKeyValue("to_version", migrated.targetSchemaVersion == null ? migrated.initialSchemaVersion
                            : migrated.targetSchemaVersion)
                    .addKeyValue("applied", migrated.migrationsExecuted)
                    .addKeyValue("duration_ms", (System.nanoTime() - migrating) / 1_000_000)
                    .log("schema migrated");
            return new Storage(embedded, database);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
