package com.chargeline.usage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.storage.Database;
import com.chargeline.testing.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two batches that share ids claim them in one global order. The interleaving that deadlocked: batch A
 * has claimed k2 and is about to claim k3, while batch B (ids in the other order) claims k3 and then
 * waits for k2. In sorted order B waits for k2 before taking k3, so A goes on and B finds both taken.
 */
class IdempotencyKeysTest {
    static Database db;
    static final UUID ACCOUNT = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @BeforeAll
    static void start() {
        db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Set<String> claim(Handle h, List<String> ids) {
        return IdempotencyKeys.claim(h, UsageKind.CALLS, ACCOUNT, ids.stream().map(id -> new CallRecord(id,
                new CallRecord.Parties("outbound", "+12125550100", "+12125550101", null),
                new CallRecord.Timing(null, null, AT, 0L), new CallRecord.Outcome(null, null, false),
                CallRecord.Attribution.NONE)).toList());
    }

    @Test
    void batches_sharing_ids_in_opposite_orders_do_not_deadlock() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            run(pool);
        }
    }

    private static void run(java.util.concurrent.ExecutorService pool) throws Exception {
        var aHoldsK2 = new CompletableFuture<Void>();
        var bStarted = new CompletableFuture<Void>();
        var a = CompletableFuture.supplyAsync(() -> db.inTransaction(h -> {
            var first = claim(h, List.of("k2"));
            aHoldsK2.complete(null);
            bStarted.join();
            sleep(300);
            var second = claim(h, List.of("k3"));
            return first.size() + second.size();
        }), pool);
        aHoldsK2.get(10, TimeUnit.SECONDS);
        var b = CompletableFuture.supplyAsync(() -> db.inTransaction(h -> {
            bStarted.complete(null);
            return claim(h, List.of("k3", "k2")).size();
        }), pool);
        assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(b.get(20, TimeUnit.SECONDS)).as("B finds both ids taken by A").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
