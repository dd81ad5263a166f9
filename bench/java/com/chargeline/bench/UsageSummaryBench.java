package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.storage.Storage;
import com.chargeline.usage.reports.UsageSummary;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/accounts/{id}/usage/summary} for last month of the reports benchmark's account with 10 M rated
 * calls (its data dir, reused): p50/p99 over 2 000 requests each (one client, after 300 of warm-up; two rounds, the
 * first also warming the JIT) in total and by day, call type and destination country, then the plan of each
 * grouping's statement (EXPLAIN ANALYZE, BUFFERS). Target (docs/BENCHMARKS.md): p99 <= 20 ms at 10 M records, since
 * the totals come from the daily rollups (usage_days: a month is 30-31 days of rows), never the records. Run with
 * bench/usage-summary.sh.
 */
public final class UsageSummaryBench {
    private static final List<UsageSummary.GroupBy> GROUPINGS = List.of(UsageSummary.GroupBy.NONE,
            UsageSummary.GroupBy.DAY, UsageSummary.GroupBy.CALL_TYPE, UsageSummary.GroupBy.DESTINATION_COUNTRY);

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/bench-reports-data");
        var month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        try (var app = App.start(new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                1L << 20, Clock.systemUTC()))) {
            var w = app.wiring();
            var big = w.accountQueries.findByEmail("big@reports.example").orElseThrow(
                    () -> new IllegalStateException(dir + " has no reports benchmark data: run bench/reports.sh first"));
            // the account's own calendar month (the reports benchmark's account keeps the default zone)
            var from = month.atDay(1);
            var to = month.atEndOfMonth();
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var client = w.createApiClient.create(big.id(), List.of("phone:read:admin"), "bench");
            var token = w.accessTokens.issue(client.client(), List.of("phone:read:admin")).token();
            var base = "http://127.0.0.1:" + app.port() + "/api/v1/accounts/" + big.id().wire() + "/usage/summary?from="
                    + from + "&to=" + to;
            var counts = w.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) || ' usage_days rows, '"
                            + " || coalesce(sum(records), 0) || ' records' FROM usage_days WHERE account_id = :a"
                            + " AND day BETWEEN :from AND :to")
                    .bind("a", big.id().value()).bind("from", from).bind("to", to).mapTo(String.class).one());
            System.out.printf("%s, %s .. %s (%s): %s%n", big.profile().name(), from, to, big.profile().timeZone(), counts);
            var total = new String(ReportsBench.get(http, base, token).body(), StandardCharsets.UTF_8);
            System.out.println("  " + total);
            for (int round = 1; round <= 2; round++) {
                System.out.println("round " + round + (round == 1 ? " (also warms the JIT up)" : ""));
                for (var g : GROUPINGS) {
                    ReportsBench.latency("  group_by=" + g.wire(), http, base + "&group_by=" + g.wire(), token, 20);
                }
            }
            for (var g : GROUPINGS) {
                System.out.println("plan of the group_by=" + g.wire() + " statement:");
                w.db.jdbi().useHandle(h -> h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + g.statement())
                        .bind("account", big.id().value()).bind("from", from).bind("to", to)
                        .mapTo(String.class).forEach(line -> System.out.println("    " + line)));
            }
        }
    }
}
