package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.accounts.ApiScopes;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.storage.Storage;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /express/usage/month} for an organization with 10 M rated calls in last month (the reports benchmark's
 * data dir, reused) and one with 100 000 (seeded once into the same dir): latency of the first page, a month-filtered
 * page and the last page (p50/p99 over 2 000 requests each, one client, after a warm-up; two rounds alternating the two
 * organizations, the first also warming the JIT), and the plan of the page
 * statement. Target (docs/BENCHMARKS.md): p99 <= 10 ms for any page, the same at both sizes, since the rows come
 * from the monthly totals, never the records. Run with bench/talkdesk-usage.sh.
 */
public final class TalkdeskUsageBench {
    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/bench-reports-data");
        var month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        try (var app = App.start(new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                1L << 20, Clock.systemUTC()))) {
            var w = app.wiring();
            var big = w.accountQueries.findByEmail("big@reports.example").orElseThrow(
                    () -> new IllegalStateException(dir + " has no reports benchmark data: run bench/reports.sh first"));
            var small = w.accountQueries.findByEmail("hundredk@talkdesk.example").orElse(null);
            if (small == null) {
                small = ReportsBench.seededAccount(w, "hundredk@talkdesk.example", "Hundred K", month, 100_000, 3);
            }
            // responses complete on the client's selector thread, not handed to a worker first (as in the soak: that
            // hand-off is a thread wake-up of the measuring client, not the server's time)
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
            // two rounds, alternating the organizations: the first round also warms the JIT up
            for (var account : List.of(small, big, small, big)) {
                var client = w.createApiClient.create(account.id(), List.of(ApiScopes.TALKDESK_USAGE_READ), "bench");
                var token = w.accessTokens.issue(client.client(), List.of(ApiScopes.TALKDESK_USAGE_READ)).token();
                var base = "http://127.0.0.1:" + app.port() + "/express/usage/month";
                var records = w.db.jdbi().withHandle(h -> h.createQuery("SELECT sum(records) FROM usage_lines_monthly "
                        + "WHERE account_id = :a AND month = :m").bind("a", account.id().value()).bind("m", month.atDay(1))
                        .mapTo(Long.class).one());
                var first = new String(ReportsBench.get(http, base + "?per_page=5", token).body(), StandardCharsets.UTF_8);
                var total = w.mapper.readTree(first).get("total").asLong();
                System.out.printf("%s: %,d rated records in %s, %d usage rows in all months%n", account.profile().name(),
                        records, month, total);
                var filter = URLEncoder.encode("month eq '" + month + "' and account_id eq '" + account.id().wire() + "'",
                        StandardCharsets.UTF_8);
                var server = new ServerSide(w.registry);
                server.series("  page 1 (50 rows)", http, base, token);
                server.series("  filtered to the month", http, base + "?filter=" + filter, token);
                server.series("  last page (per_page=1)", http, base + "?per_page=1&page=" + Math.max(1, total), token);
            }
            var sql = org.jdbi.v3.core.locator.ClasspathSqlLocator.removingComments()
                    .locate(com.chargeline.usage.reports.MonthlyUsage.class, "page");
            var order = "p.account_id DESC, p.month DESC, p.product_id COLLATE \"C\" DESC, p.currency DESC";
            for (var condition : List.of("u.month = :m", "TRUE")) {
                System.out.println("plan of the page statement (the 10 M organization, where " + condition + "):");
                w.db.jdbi().useHandle(h -> h.createQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                        .define("condition", condition).define("order", order)
                        .bind("organization", big.id().value()).bind("now", java.time.Instant.now())
                        .bind("m", month.atDay(1)).bind("limit", 50).bind("offset", 0)
                        .mapTo(String.class).forEach(line -> System.out.println("    " + line)));
            }
        }
    }

    /**
     * The server's own timing of a series' measured requests ({@code /express/usage/month}, 200: its
     * {@code http_server_requests} histogram, first handler to last, no HTTP, no client), as shares within 2, 5 and
     * 10 ms, beside the client's figures.
     */
    private static final class ServerSide {
        /** The histogram bounds reported, in ms; the counts below hold one per bound, then the total. */
        private static final double[] BOUNDS_MS = {2, 5, 10};
        private final io.micrometer.core.instrument.MeterRegistry registry;
        private double[] last;

        ServerSide(io.micrometer.core.instrument.MeterRegistry registry) {
            this.registry = registry;
        }

        /** 300 warm-up requests, then {@link ReportsBench#latency} of 2 000 and the server's view of those. */
        void series(String what, HttpClient http, String url, String token) throws Exception {
            for (int i = 0; i < 300; i++) {
                ReportsBench.get(http, url, token);
            }
            last = counts();
            ReportsBench.latency(what, 0, 2000, 10, () -> ReportsBench.get(http, url, token));
            print();
        }

        private double[] counts() {
            var timer = registry.find(Metrics.HTTP_REQUESTS).tag("route", "/express/usage/month").tag("status", "200")
                    .timer();
            var counts = new double[BOUNDS_MS.length + 1];
            if (timer == null) {
                return counts;
            }
            var snapshot = timer.takeSnapshot();
            counts[BOUNDS_MS.length] = snapshot.count();
            for (var bucket : snapshot.histogramCounts()) {
                int i = java.util.Arrays.binarySearch(BOUNDS_MS, bucket.bucket(java.util.concurrent.TimeUnit.MILLISECONDS));
                if (i >= 0) {
                    counts[i] = bucket.count();
                }
            }
            return counts;
        }

        private void print() {
            var now = counts();
            double total = now[BOUNDS_MS.length] - last[BOUNDS_MS.length];
            System.out.printf("  %-34s %.2f %% within 2 ms, %.2f %% within 5 ms, %.2f %% within 10 ms of %.0f%n",
                    "(server side)", 100 * (now[0] - last[0]) / total, 100 * (now[1] - last[1]) / total,
                    100 * (now[2] - last[2]) / total, total);
            last = now;
        }
    }
}
