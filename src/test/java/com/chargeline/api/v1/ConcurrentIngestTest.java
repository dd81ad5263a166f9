package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two large batches that share ids, sent at once and in opposite orders, both succeed end to end:
 * every id is stored exactly once and the shared ids are reported as duplicates. Whether the two id
 * claims overlap in time depends on scheduling, so the deadlock they could cause is pinned down
 * deterministically in {@code IdempotencyKeysTest}; this test checks the whole path under concurrency.
 */
class ConcurrentIngestTest {
    static TestServer server;
    static UsageFixture fx;

    @BeforeAll
    static void start() {
        server = new TestServer(16 * 1_048_576);
        fx = new UsageFixture(server, "Concurrent Ingest");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String batch(String prefix, int from, int to, boolean reversed) {
        var calls = new ArrayList<String>();
        var base = Instant.parse("2026-11-02T00:00:00Z");
        for (int i = from; i < to; i++) {
            var end = base.plusSeconds(i * 97L).toString();
            calls.add(UsageFixture.call(prefix + String.format("%06d", i), "outbound", "+14155550100", "+12125550123", "1001",
                    30 + i % 200, end));
        }
        if (reversed) {
            java.util.Collections.reverse(calls);
        }
        return "[" + String.join(",", calls) + "]";
    }

    @Test
    void overlapping_batches_sent_at_once_store_every_id_once() throws Exception {
        var token = fx.master.token();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 1; round++) {
                var prefix = "X" + round + "-";
                var first = batch(prefix, 0, 10_000, false);
                var second = batch(prefix, 5_000, 15_000, true);
                List<Future<Api.Response>> answers = pool.invokeAll(List.<Callable<Api.Response>>of(
                        () -> server.api.post(fx.path("/usage/calls"), token, first),
                        () -> server.api.post(fx.path("/usage/calls"), token, second)));
                var a = answers.get(0).get();
                var b = answers.get(1).get();
                assertThat(a.status()).as(a.body().substring(0, Math.min(400, a.body().length()))).isEqualTo(200);
                assertThat(b.status()).as(b.body().substring(0, Math.min(400, b.body().length()))).isEqualTo(200);
                assertThat(a.json().get("accepted").asInt() + b.json().get("accepted").asInt()).isEqualTo(15_000);
                assertThat(a.json().get("duplicates").asInt() + b.json().get("duplicates").asInt()).isEqualTo(5_000);
                var stored = server.app.wiring().db.withHandle(h -> h.createQuery(
                                "SELECT count(*) || '/' || count(DISTINCT call_log_id) FROM rated_call WHERE call_log_id LIKE :prefix")
                        .bind("prefix", prefix + "%").mapTo(String.class).one());
                assertThat(stored).isEqualTo("15000/15000");
            }
        }
    }
}
