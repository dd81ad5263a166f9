package com.chargeline.cli;

import com.chargeline.storage.Storage;
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

    Storage.Target target() {
        var url = dbUrl == null || dbUrl.isBlank() ? null : dbUrl;
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got " + url);
        }
        return new Storage.Target(dataDir.toAbsolutePath().normalize(), url, dbUser, dbPassword, Map.of());
    }

    String describe() {
        return dbUrl == null || dbUrl.isBlank()
                ? "embedded PostgreSQL 17 in " + dataDir.toAbsolutePath().normalize().resolve("pg")
                : "PostgreSQL at " + dbUrl;
    }
}
