package com.chargeline.testing;

import com.chargeline.storage.Database;
import com.chargeline.storage.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 per test JVM (the product's own embedded server), with the
 * production migrations applied once to a template database. Each test server gets a fresh
 * database cloned from the template, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final String TEMPLATE = "chargeline_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedDatabase server() {
        if (server == null) {
            java.nio.file.Path dir;
            try {
                dir = Files.createTempDirectory("chargeline-test-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = EmbeddedDatabase.open(dir, Map.of("fsync", "off", "synchronous_commit", "off",
                    "full_page_writes", "off"));
            execute("CREATE DATABASE " + TEMPLATE);
            try (var db = Database.connect(server.jdbcUrl(TEMPLATE), "postgres", null, null)) {
                db.migrate();
            }
            var running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                deleteAfterExit(dir);
            }));
        }
        return server;
    }

    /**
     * Deletes the cluster's directory without holding up the JVM's exit: after a full suite it holds hundreds of
     * databases (hundreds of thousands of files), and walking them in the hook outlasted surefire's 30 seconds for a
     * fork to exit (it then kills the fork). {@code rm -rf} goes on after the JVM is gone; without it, the walk here.
     */
    private static void deleteAfterExit(java.nio.file.Path dir) {
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            TempDirs.delete(dir);
        }
    }

    /** A new, migrated, empty database; returns its JDBC URL (user {@code postgres}, no password). */
    public static String newDatabase() {
        var pg = server();
        var name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return pg.jdbcUrl(name);
    }

    /** The test server's postmaster, the parent of its backends. */
    public static long postmasterPid() {
        return server().postmasterPid();
    }

    private static void execute(String sql) {
        try (var c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
             var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
