package com.chargeline.cli;

import com.chargeline.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Chargeline keeps its data: {@code --data-dir} (embedded PostgreSQL) or {@code --db-url}. */
public final class StorageOptions {
    @Option(names = "--data-dir", defaultValue = "./chargeline-data", paramLabel = "DIR",
            description = "Data directory; the embedded PostgreSQL keeps its files in DIR/pg (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:CHARGELINE_DB_URL}", paramLabel = "URL",
            description = "JDBC URL of an external PostgreSQL 14+ instead of the embedded one (env CHARGELINE_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:CHARGELINE_DB_USER}", paramLabel = "USER",
            description = "User for --db-url (env CHARGELINE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:CHARGELINE_DB_PASSWORD}", paramLabel = "PASSWORD",
            description = "Password for --db-url (env CHARGELINE_DB_PASSWORD).")
    String dbPassword;

    /**
     * The database of a command that works on existing data: with no {@code --db-url}, the data dir
     * must hold an initialised embedded PostgreSQL (DIR/pg/PG_VERSION), else this is a usage error
     * (only {@code serve} and {@code demo} create one, see {@link #serverTarget()}).
     */
    Storage.Target target() {
        var target = serverTarget();
        if (target.dbUrl() == null && !Files.isRegularFile(target.dataDir().resolve("pg").resolve("PG_VERSION"))) {
            throw new UsageError(target.dataDir() + " is not a Chargeline data dir (no pg/PG_VERSION in it); run "
                    + "'chargeline serve' or 'chargeline demo' once with --data-dir " + target.dataDir()
                    + " to create it, or pass --db-url");
        }
        return target;
    }

    /** The database of {@code serve} and {@code demo}, which create the embedded one on first use. */
    Storage.Target serverTarget() {
        var url = dbUrl == null || dbUrl.isBlank() ? null : dbUrl;
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new UsageError("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got " + url);
        }
        return new Storage.Target(dataDir.toAbsolutePath().normalize(), url, dbUser, dbPassword, Map.of());
    }

    String describe() {
        return dbUrl == null || dbUrl.isBlank()
                ? "embedded PostgreSQL 17 in " + dataDir.toAbsolutePath().normalize().resolve("pg")
                : "PostgreSQL at " + dbUrl;
    }
}
