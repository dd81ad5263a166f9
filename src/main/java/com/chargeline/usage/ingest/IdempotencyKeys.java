package com.chargeline.usage.ingest;

import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.CopyFailed;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Claims record ids for an account inside the batch's transaction, so that a resent or concurrent
 * duplicate is reported and skipped, never stored twice (STYLE B6.5).
 *
 * <p>The common case, a batch of ids never seen before, is a plain COPY into the key table (about
 * half the cost of an INSERT from arrays). When the key table refuses one (a resend, or another
 * batch holding the same id), the COPY is rolled back to a savepoint and the ids are claimed with
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}, which gives back only the new ones.
 *
 * <p>Both paths insert the ids in one global order (sorted), so two batches that share ids wait for each
 * other in the same order instead of each holding a key the other needs (a deadlock, PostgreSQL 40P01).
 */
final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    /** {@code table} is call_key or sms_key, with its id and time columns. */
    static Set<String> claim(Handle h, String table, String idColumn, String timeColumn, UUID account, List<String> batchIds,
                             List<Instant> batchTimes) {
        if (batchIds.isEmpty()) {
            return Set.of();
        }
        var order = new Integer[batchIds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(batchIds::get));
        var ids = java.util.Arrays.stream(order).map(batchIds::get).toList();
        var times = java.util.Arrays.stream(order).map(batchTimes::get).toList();
        h.savepoint("claim");
        try {
            copy(h, table, idColumn, timeColumn, account, ids, times);
            h.releaseSavepoint("claim");
            return new HashSet<>(ids);
        } catch (CopyFailed e) {
            if (!e.uniqueViolation()) {
                throw e;
            }
            h.rollbackToSavepoint("claim");
        }
        return new HashSet<>(h.createQuery("INSERT INTO " + table + " (account_id, " + idColumn + ", " + timeColumn + ") "
                        + "SELECT :account, id, t FROM unnest(CAST(:ids AS text[]), CAST(:times AS timestamptz[])) AS x(id, t) "
                        + "ON CONFLICT DO NOTHING RETURNING " + idColumn)
                .bind("account", account)
                .bindArray("ids", String.class, ids)
                .bindArray("times", String.class, times.stream().map(Instant::toString).toList())
                .mapTo(String.class)
                .list());
    }

    private static void copy(Handle h, String table, String idColumn, String timeColumn, UUID account, List<String> ids,
                             List<Instant> times) {
        var accountText = account.toString();
        try (var copy = BulkCopy.into(table, "account_id, " + idColumn + ", " + timeColumn).open(h)) {
            for (int i = 0; i < ids.size(); i++) {
                copy.row(accountText, ids.get(i), times.get(i));
            }
            copy.end(h);
        }
    }
}
