package com.chargeline.storage;

import java.time.YearMonth;
import java.util.Set;

/**
 * Creates the monthly (UTC) partitions of the usage tables before rows arrive for a month. DDL on
 * the parent table takes a strong lock, so it runs in its own short transaction, serialised by an
 * advisory lock, and never inside an ingestion batch.
 */
public final class MonthlyPartitions {
    private MonthlyPartitions() {
    }

    public static void ensure(Database db, String table, Set<YearMonth> months) {
        for (var month : months) {
            var name = table + "_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
            var known = db.knownPartitions;
            if (known.contains(name)) {
                continue;
            }
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("bad table name " + table);
            }
            db.inTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(hashtext('chargeline.partitions'))");
                h.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + table
                        + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00+00') TO ('"
                        + month.plusMonths(1).atDay(1) + " 00:00:00+00')");
                return null;
            });
            known.add(name);
        }
    }
}
