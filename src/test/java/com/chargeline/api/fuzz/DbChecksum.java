package com.chargeline.api.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * A content checksum of every application table (all of public except flyway_schema_history; partitioned tables
 * through their parent, so partitions created on the fly add nothing): per table its row count and the sum of a
 * 64-bit hash of each row's text, which needs no sort. One statement, one round trip, kept prepared.
 *
 * <p>A write gate spares most computations: row triggers (cloned to every partition, present and future) and
 * TRUNCATE triggers on every table draw from a sequence, which is not transactional, so any write, even one rolled
 * back, moves it. While the sequence stands still the content cannot have changed and the last checksum stands.
 */
final class DbChecksum implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final int tables;
    private final java.util.List<String> parts;
    private final PreparedStatement gate;
    private long lastGate = -1;
    private String last;
    private long nanos;
    private long runs;
    private long gateNanos;
    private long gates;

    DbChecksum(String jdbcUrl) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
            var names = new ArrayList<String>();
            try (var s = connection.createStatement(); var rs = s.executeQuery("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                      AND c.relname <> 'flyway_schema_history' ORDER BY 1""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            var parts = new ArrayList<String>();
            this.parts = parts;
            for (var name : names) {
                parts.add("(SELECT '" + name + ":' || count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM \""
                        + name + "\" t)");
            }
            tables = names.size();
            statement = connection.prepareStatement("SELECT " + String.join(" || '|' || ", parts));
            try (var s = connection.createStatement()) {
                s.execute("CREATE SEQUENCE fuzz_writes");
                s.execute("CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN PERFORM nextval('fuzz_writes'); RETURN NULL; END$$");
                for (var name : names) {
                    s.execute("CREATE TRIGGER fuzz_write AFTER INSERT OR UPDATE OR DELETE ON \"" + name
                            + "\" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()");
                    s.execute("CREATE TRIGGER fuzz_truncate AFTER TRUNCATE ON \"" + name
                            + "\" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_write()");
                }
            }
            gate = connection.prepareStatement("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM fuzz_writes");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checksum now: the last one when nothing wrote since (unless {@code full}), else computed afresh. */
    String current(boolean full) {
        long start = System.nanoTime();
        long writes;
        try (var rs = gate.executeQuery()) {
            rs.next();
            writes = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            gateNanos += System.nanoTime() - start;
            gates++;
        }
        if (full || writes != lastGate || last == null) {
            lastGate = writes;
            last = compute();
        }
        return last;
    }

    String compute() {
        long start = System.nanoTime();
        try (var rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            nanos += System.nanoTime() - start;
            runs++;
        }
    }

    int tables() {
        return tables;
    }

    String cost() {
        return String.format("%d write-gate reads, %.2f ms each, %.1f s in all; %d full checksums of %d tables, %.2f ms each"
                        + " on average, %.1f s in all", gates, gates == 0 ? 0.0 : gateNanos / 1e6 / gates, gateNanos / 1e9, runs,
                tables, runs == 0 ? 0.0 : nanos / 1e6 / runs, nanos / 1e9);
    }

    /** The most expensive tables of the checksum: milliseconds per computation and row counts. */
    String slowestTables() {
        var timings = new java.util.TreeMap<Double, String>(java.util.Comparator.reverseOrder());
        try {
            for (var part : parts) {
                try (var ps = connection.prepareStatement("SELECT " + part)) {
                    long start = System.nanoTime();
                    String result = null;
                    for (int i = 0; i < 10; i++) {
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            result = rs.getString(1);
                        }
                    }
                    timings.put((System.nanoTime() - start) / 1e7 + Math.random() * 1e-9, result.replaceAll(":-?[0-9]+$", ""));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return timings.entrySet().stream().limit(6).map(e -> String.format("%s rows %.2f ms", e.getValue(), e.getKey()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Which tables differ between two checksums. */
    static String diff(String before, String after) {
        var a = before.split("\\|");
        var b = after.split("\\|");
        var out = new ArrayList<String>();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                out.add(a[i].replaceAll(":-?[0-9]+$", "") + " -> " + b[i].replaceAll("^[a-z_0-9]+:", "").replaceAll(":-?[0-9]+$", "")
                        + " rows");
            }
        }
        return String.join(", ", out);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
