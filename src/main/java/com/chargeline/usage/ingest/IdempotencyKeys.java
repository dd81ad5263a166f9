package com.chargeline.usage.ingest;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Claims record ids for an account inside the batch's transaction: {@code INSERT ... ON CONFLICT DO
 * NOTHING RETURNING} gives back only ids never seen before, so a resent or concurrent duplicate is
 * reported and skipped, never stored twice (STYLE B6.5).
 */
final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    /** {@code table} is call_key or sms_key, with its id and time columns. */
    static Set<String> claim(Handle h, String table, String idColumn, String timeColumn, UUID account, List<String> ids,
                             List<Instant> times) {
        return new HashSet<>(h.createQuery("INSERT INTO " + table + " (account_id, " + idColumn + ", " + timeColumn + ") "
                        + "SELECT :account, id, t FROM unnest(CAST(:ids AS text[]), CAST(:times AS timestamptz[])) AS x(id, t) "
                        + "ON CONFLICT DO NOTHING RETURNING " + idColumn)
                .bind("account", account)
                .bindArray("ids", String.class, ids)
                .bindArray("times", String.class, times.stream().map(Instant::toString).toList())
                .mapTo(String.class)
                .list());
    }
}
