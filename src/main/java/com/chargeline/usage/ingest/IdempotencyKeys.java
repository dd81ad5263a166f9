package com.chargeline.usage.ingest;

import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.CopyFailed;
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

    /** The ids of {@code records} not claimed before, now claimed for {@code account} in {@code h}'s transaction. */
    static <R> Set<String> claim(Handle h, UsageKind<R> kind, UUID account, List<R> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        var sorted = records.stream().sorted(java.util.Comparator.comparing(kind.id())).toList();
        var ids = sorted.stream().map(kind.id()).toArray(String[]::new);
        var times = sorted.stream().map(r -> kind.time().apply(r).toString()).toArray(String[]::new);
        h.savepoint("claim");
        try {
            copy(h, kind, account, ids, times);
            h.releaseSavepoint("claim");
            return new HashSet<>(java.util.Arrays.asList(ids));
        } catch (CopyFailed e) {
            if (!e.uniqueViolation()) {
                throw e;
            }
            h.rollbackToSavepoint("claim");
        }
        return new HashSet<>(kind.claim().claim(h.attach(UsageKeyRepository.class), account, ids, times));
    }

    private static void copy(Handle h, UsageKind<?> kind, UUID account, String[] ids, String[] times) {
        var accountText = account.toString();
        try (var copy = BulkCopy.into(kind.keyTable(), "account_id, " + kind.idColumn() + ", " + kind.timeColumn()).open(h)) {
            for (int i = 0; i < ids.length; i++) {
                copy.row(accountText, ids[i], times[i]);
            }
            copy.end(h);
        }
    }
}
