package com.chargeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.testing.TestPostgres;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A transaction PostgreSQL aborts for a deadlock is run again, a bounded number of times. */
class DatabaseRetryTest {
    static Database db;

    @BeforeAll
    static void start() {
        db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
        db.withHandle(h -> h.execute("CREATE TABLE scratch (id int PRIMARY KEY, v int NOT NULL)"));
        db.withHandle(h -> h.execute("INSERT INTO scratch VALUES (1, 0), (2, 0)"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void two_transactions_that_deadlock_both_commit_after_a_retry() throws Exception {
        var bothHoldOne = new CountDownLatch(2);
        var attempts = new AtomicInteger();
        Runnable first = () -> db.inTransactionRetrying(h -> {
            attempts.incrementAndGet();
            h.execute("UPDATE scratch SET v = v + 1 WHERE id = 1");
            await(bothHoldOne);
            return h.execute("UPDATE scratch SET v = v + 1 WHERE id = 2");
        });
        Runnable second = () -> db.inTransactionRetrying(h -> {
            attempts.incrementAndGet();
            h.execute("UPDATE scratch SET v = v + 10 WHERE id = 2");
            await(bothHoldOne);
            return h.execute("UPDATE scratch SET v = v + 10 WHERE id = 1");
        });
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            CompletableFuture.allOf(CompletableFuture.runAsync(first, pool), CompletableFuture.runAsync(second, pool))
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(attempts.get()).as("one of them was aborted and run again").isEqualTo(3);
        int total = db.withHandle(h -> h.createQuery("SELECT sum(v) FROM scratch").mapTo(Integer.class).one());
        assertThat(total).isEqualTo(22);
    }

    @Test
    void other_failures_are_not_retried() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTransactionRetrying(h -> {
            attempts.incrementAndGet();
            return h.execute("INSERT INTO scratch VALUES (1, 0)");
        })).hasMessageContaining("duplicate key");
        assertThat(attempts.get()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
