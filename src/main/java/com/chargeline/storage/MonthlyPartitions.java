package com.chargeline.storage;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the monthly (UTC) partitions of the usage tables before rows arrive for a month. DDL on
 * the parent table takes a strong lock, so it runs in its own short transaction, serialised by an
 * advisory lock, and never inside an ingestion batch.
 */
public final class MonthlyPartitions {
    /** The partitions known to exist, per database (by identity: a hash of the pool could name two databases). */
    private static final Map<Database, Set<String>> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    private MonthlyPartitions() {
    }

    public static void ensure(Database db, String table, Set<YearMonth> months) {
        for (var month : months) {
            var name = table + "_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
            var known = KNOWN.computeIfAbsent(db, d -> ConcurrentHashMap.newKeySet());
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
