package com.chargeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.limits.RateRules;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two full server instances (each its own App, Wiring, connection pool and caches) on one database, as two serve
 * processes behind a load balancer: report paging tokens minted on one are accepted on the other, and a rate limit
 * is exact when both take requests at once. (A client revoked through one node is refused on both:
 * NativeApiClientEndpointsTest; the automatic invoice run is claimed by one node: InvoiceScheduleTest.)
 */
class SeveralNodesTest {

    @Test
    void a_report_paging_token_from_one_node_is_accepted_on_the_other_and_the_pages_are_the_same() {
        try (var one = new TestServer(); var two = one.secondNode()) {
            var fx = new UsageFixture(one, "Paging Across Nodes");
            var calls = new ArrayList<String>();
            for (int i = 0; i < 25; i++) {
                calls.add(UsageFixture.call("n-" + i, "outbound", "+14155550100", "+12125550123", "1001", 30 + i,
                        "2026-11-0" + (2 + i % 5) + "T10:" + String.format("%02d", i) + ":00Z"));
            }
            var ingested = one.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",", calls) + "]");
            assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
            var path = "/v2/phone/reports/call_charges?from=2026-11-01&to=2026-11-30&page_size=10";

            var seen = new ArrayList<String>();
            var nodes = List.of(one, two);
            String next = "";
            int page = 0;
            do {
                var node = nodes.get(page % 2);
                var r = node.api.get(path + (next.isEmpty() ? "" : "&next_page_token=" + next), fx.master.token());
                assertThat(r.status()).as("page " + page + " on node " + (page % 2 + 1) + ": " + r.body()).isEqualTo(200);
                r.json().get("call_charges").forEach(c -> seen.add(c.get("call_log_id").asText()));
                next = r.json().get("next_page_token").asText();
                page++;
            } while (!next.isEmpty());
            assertThat(page).isEqualTo(3);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates();

            var single = new ArrayList<String>();
            next = "";
            do {
                var r = one.api.get(path + (next.isEmpty() ? "" : "&next_page_token=" + next), fx.master.token());
                r.json().get("call_charges").forEach(c -> single.add(c.get("call_log_id").asText()));
                next = r.json().get("next_page_token").asText();
            } while (!next.isEmpty());
            assertThat(seen).containsExactlyElementsOf(single);
        }
    }

    @Test
    void a_rate_limit_is_exact_when_two_nodes_take_requests_at_once() {
        var rules = RateRules.fromFile(Path.of("src/test/resources/ratelimits/small-rules.json"));
        try (var one = TestServer.withRateLimits(rules); var two = one.secondNode()) {
            var master = one.master("Concurrent");
            var sub = one.sub(master, "Sub", com.chargeline.accounts.PayMode.MASTER);
            // a free account's Light operations: 3 per hour, 5 per day
            int threads = 8;
            int perThread = 4;
            var barrier = new CyclicBarrier(threads);
            var admitted = new AtomicInteger();
            var refused = new AtomicInteger();
            var statuses = new HashSet<Integer>();
            var futures = new ArrayList<CompletableFuture<Void>>();
            for (int t = 0; t < threads; t++) {
                var node = t % 2 == 0 ? one : two;
                futures.add(CompletableFuture.runAsync(() -> {
                    await(barrier);
                    for (int i = 0; i < perThread; i++) {
                        var r = node.api.get("/v2/accounts/" + sub.id(), master.token());
                        synchronized (statuses) {
                            statuses.add(r.status());
                        }
                        (r.status() == 429 ? refused : admitted).incrementAndGet();
                    }
                }));
            }
            futures.forEach(CompletableFuture::join);
            assertThat(statuses).containsExactlyInAnyOrder(200, 429);
            assertThat(admitted.get()).isEqualTo(3);
            assertThat(refused.get()).isEqualTo(threads * perThread - 3);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
