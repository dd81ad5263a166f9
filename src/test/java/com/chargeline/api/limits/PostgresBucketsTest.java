package com.chargeline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.storage.Database;
import com.chargeline.testing.TestPostgres;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compare-and-swap bucket store: two stores on one database stand for two serve nodes, each with its own hints
 * (the state it last wrote), so every draw of one after a draw of the other starts from a stale hint.
 */
class PostgresBucketsTest {
    private static final BucketConfiguration HUNDRED_A_DAY = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(100).refillIntervally(100, Duration.ofDays(1)).build()).build();
    private static Database db;

    @BeforeAll
    static void database() {
        db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
        db.migrate();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void two_nodes_drawing_at_once_take_exactly_the_capacity() throws Exception {
        var one = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var two = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var taken = new AtomicInteger();
        var draws = new ArrayList<Future<?>>();
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                var store = t % 2 == 0 ? one : two;
                draws.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        if (store.getProxy("acct:contended", () -> HUNDRED_A_DAY).tryConsume(1)) {
                            taken.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }
        for (var draw : draws) {
            draw.get();
        }
        // 200 attempts at a bucket of 100: each token went to one draw, none twice, none lost
        assertThat(taken).hasValue(100);
        assertThat(two.getProxy("acct:contended", () -> HUNDRED_A_DAY).getAvailableTokens()).isZero();
    }

    @Test
    void a_refusal_is_checked_against_the_row_not_the_hint() {
        var one = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var two = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var onOne = one.getProxy("acct:refund", () -> HUNDRED_A_DAY);
        assertThat(onOne.tryConsume(100)).isTrue();
        // one's hint now says the bucket is empty; two gives a token back
        two.getProxy("acct:refund", () -> HUNDRED_A_DAY).addTokens(1);
        // a refusal leaves the state as it was, so no swap would check the hint: the store reads the row
        assertThat(onOne.tryConsume(1)).isTrue();
        assertThat(onOne.tryConsume(1)).isFalse();
    }

    @Test
    void a_stale_hint_costs_a_retry_never_a_token() {
        var one = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var two = new PostgresBuckets(db.asyncCommitDataSource(), TimeMeter.SYSTEM_MILLISECONDS);
        var onOne = one.getProxy("acct:stale", () -> HUNDRED_A_DAY);
        var onTwo = two.getProxy("acct:stale", () -> HUNDRED_A_DAY);
        for (int i = 0; i < 50; i++) {
            assertThat(onOne.tryConsume(1)).isTrue();
            assertThat(onTwo.tryConsume(1)).isTrue();
        }
        assertThat(onOne.tryConsume(1)).isFalse();
        assertThat(onTwo.tryConsume(1)).isFalse();
        long rows = db.withHandle(h -> h.createQuery("SELECT count(*) FROM rate_limit_bucket WHERE id = 'acct:stale'")
                .mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
