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
 */
final class DbChecksum implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final int tables;
    private final java.util.List<String> parts;
    private long nanos;
    private long runs;

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
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        return String.format("%d checksums of %d tables, %.2f ms each on average, %.1f s in all", runs, tables,
                runs == 0 ? 0.0 : nanos / 1e6 / runs, nanos / 1e9);
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
