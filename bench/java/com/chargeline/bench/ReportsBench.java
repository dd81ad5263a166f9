package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.api.zoom.ReportCursor;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import com.chargeline.usage.ingest.SampleTraffic;
import com.chargeline.usage.reports.ChargeReports;
import com.chargeline.usage.reports.ReportPosition;
import com.chargeline.usage.reports.ReportWindow;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /v2/phone/reports/call_charges} on one account with N calls in last month (default 10 M)
 * and two other accounts' calls in the same tables: latency of page-30 requests at page depth 1,
 * 1 000 and the last page (one client; p50/p99 over 2 000 requests each, after a warm-up), the plans
 * of the total's statements, and throughput of the depth-1000 request against serving the same
 * response bytes from memory through the same server (same auth, same HTTP stack), two clients each.
 * Targets (docs/BENCHMARKS.md): p99 <= 20 ms; >= 50 % of the in-memory req/s. Run with bench/reports.sh.
 */
public final class ReportsBench {
    private static final String OWNER = "big@reports.example";
    private static final AtomicReference<byte[]> SAME_BYTES = new AtomicReference<>(new byte[0]);

    public static void main(String[] args) throws Exception {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long others = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        var dir = Path.of(args.length > 2 ? args[2] : "target/bench-reports-data");
        var month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        EndpointGroup memory = () -> ApiBuilder.get("/v2/bench/same_bytes",
                ctx -> ctx.contentType("application/json").result(SAME_BYTES.get()));
        try (var app = App.start(new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                1L << 20, Clock.systemUTC()), List.of(memory))) {
            var w = app.wiring();
            var big = w.accountQueries.findByEmail(OWNER).orElse(null);
            if (big == null) {
                big = seededAccount(w, OWNER, "Big Reports", month, calls, 0);
                seededAccount(w, "other1@reports.example", "Other One", month, others, 1);
                seededAccount(w, "other2@reports.example", "Other Two", month, others, 2);
                w.db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
            } else {
                System.out.println("reusing the data seeded in " + dir);
            }
            var account = big.id();
            var client = w.createApiClient.create(account, List.of(), "bench");
            var token = w.accessTokens.issue(client.client()).token();
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var base = "http://127.0.0.1:" + app.port() + "/v2/phone/reports/call_charges?from=" + month.atDay(1) + "&to="
                    + month.atEndOfMonth() + "&page_size=30";

            var first = get(http, base, token);
            long total = json(w, first).get("total_records").asLong();
            System.out.printf("account %s: %,d calls in %s (total_records), other accounts: 2 x %,d in the same tables%n",
                    account.wire(), total, month, others);
            var window = new ReportWindow(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            System.out.println("plans of the total's statements for the month:");
            w.chargeReports.countPlans(account, ChargeReports.Kind.CALLS, window, ChargeReports.Filter.ALL)
                    .forEach(line -> System.out.println("    " + line));
            var partial = new ReportWindow(month.atDay(3).atTime(10, 17).toInstant(ZoneOffset.UTC),
                    month.atDay(27).atTime(15, 44).toInstant(ZoneOffset.UTC));
            System.out.println("plans for a window starting and ending inside an hour (" + partial + "):");
            w.chargeReports.countPlans(account, ChargeReports.Kind.CALLS, partial, ChargeReports.Filter.ALL)
                    .forEach(line -> System.out.println("    " + line));

            String tokenAt1000 = "";
            var page = first;
            for (int p = 1; p < 1000; p++) {
                tokenAt1000 = json(w, page).get("next_page_token").asText();
                page = get(http, base + "&next_page_token=" + tokenAt1000, token);
            }
            var lastToken = lastPageToken(w, account, month, window, total);
            var last = json(w, get(http, base + "&next_page_token=" + lastToken, token));
            if (!last.get("next_page_token").asText().isEmpty() || last.get("call_charges").size() != 30) {
                throw new IllegalStateException("the minted last-page token did not give the last page: " + last);
            }
            var depth1000 = base + "&next_page_token=" + URLEncoder.encode(tokenAt1000, StandardCharsets.UTF_8);
            latency("page 1", http, base, token);
            latency("page 1, partial hours at both ends", http, "http://127.0.0.1:" + app.port()
                    + "/v2/phone/reports/call_charges?from=" + month.atDay(3) + "T10:17:00Z&to=" + month.atDay(27)
                    + "T15:43:59Z&page_size=30", token);
            latency("page 1000", http, depth1000, token);
            latency("last page", http, base + "&next_page_token=" + lastToken, token);

            SAME_BYTES.set(get(http, depth1000, token).body());
            var memoryUrl = "http://127.0.0.1:" + app.port() + "/v2/bench/same_bytes";
            double memoryRate = throughput(http, memoryUrl, token);
            double reportRate = throughput(http, depth1000, token);
            double memoryAgain = throughput(http, memoryUrl, token);
            System.out.printf("throughput, 2 clients, 10 s each: page-1000 report %.0f req/s; same %d bytes from memory "
                            + "%.0f and %.0f req/s -> %.0f %% of the mean (target >= 50 %%)%n", reportRate,
                    SAME_BYTES.get().length, memoryRate, memoryAgain, 100 * reportRate / ((memoryRate + memoryAgain) / 2));
        }
    }

    static Account seededAccount(Wiring w, String email, String name, YearMonth month, long calls, int block) {
        var account = w.createAccount.createMaster(new NewAccount(new Account.Owner(null, email, "Bench", "Reports"),
                "Bench-Reports-2026", name, AccountOptions.defaults(), "US", NewAccount.Extras.none()));
        var deck = w.createRateDeck.create(account.id(), "Bench", "USD", 4);
        w.importRates.calls(account.id(), deck.deckId(), new StringReader(deck()));
        w.assignRateDeck.assign(account.id(), account.id(), deck.deckId());
        w.upsertBillingAccount.upsert(account.id(), "BA-" + block, name);
        var users = new ArrayList<PhoneUser>();
        for (int u = 0; u < 200; u++) {
            users.add(new PhoneUser(null, new PhoneUser.Identity("User " + u, "u" + u + "." + block + "@reports.example",
                    Integer.toString(1000 + u)), new PhoneUser.Attribution("E" + u, "Dept " + (u % 9), "CC-" + (u % 5), "",
                    "BA-" + block), List.of(String.format("+1646%d%02d%04d", 2 + block, u / 100, u % 100))));
        }
        w.upsertUsers.upsert(account.id(), users);
        long t0 = System.nanoTime();
        w.seedUsage.seed(account.id(), month, calls, 0, (kind, done, all) -> {
            if (done % 500_000 == 0 || done == all) {
                System.out.printf("  seeding %s: %,d / %,d %s (%.0f s)%n", name, done, all, kind, (System.nanoTime() - t0) / 1e9);
            }
        });
        return account;
    }

    /** Every country of the sample traffic by country code, North America as local, toll-free at its own rate. */
    static String deck() {
        var csv = new StringBuilder("prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,"
                + "next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to\n");
        csv.append("1,North America,local,0.0100,0,6,6,0,per_min,USD,2020-01-01,\n");
        csv.append("1,North America toll-free,tollfree,0.0210,0,60,60,0,per_min,USD,2020-01-01,\n");
        csv.append("1,North America contact center,callCenter,0.0150,0,6,6,0,per_min,USD,2020-01-01,\n");
        for (var region : SampleTraffic.COUNTRIES) {
            int cc = PhoneNumberUtil.getInstance().getCountryCodeForRegion(region);
            if (cc != 1) {
                csv.append(cc).append(",").append(region).append(",international,0.0450,0,60,60,0,per_min,USD,2020-01-01,\n");
                csv.append(cc).append(",").append(region).append(" toll-free,tollfree,0.0900,0,60,60,0,per_min,USD,2020-01-01,\n");
                csv.append(cc).append(",").append(region).append(" contact center,callCenter,0.0500,0,6,6,0,per_min,USD,2020-01-01,\n");
            }
        }
        return csv.toString();
    }

    /** A token for the page after the 30 last records, minted as the endpoint would have for the client that paged there. */
    private static String lastPageToken(Wiring w, AccountId account, YearMonth month, ReportWindow window, long total) {
        var position = w.db.withHandle(h -> h.createQuery("SELECT end_time, call_log_id FROM rated_call WHERE account_id = :a "
                        + "AND current AND end_time >= :from AND end_time < :until "
                        + "ORDER BY end_time DESC, call_log_id DESC OFFSET 30 LIMIT 1")
                .bind("a", account.value()).bind("from", window.from().atOffset(ZoneOffset.UTC))
                .bind("until", window.until().atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new ReportPosition(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)))
                .one());
        var bound = String.join("|", "call_charges", account.wire(), month.atDay(1).toString(), month.atEndOfMonth().toString(),
                "30", "null", "false");
        return URLEncoder.encode(w.pageTokens.issue(bound, new ReportCursor(window, total, position).wire()),
                StandardCharsets.UTF_8);
    }

    static void latency(String what, HttpClient http, String url, String token) throws Exception {
        latency(what, http, url, token, 20);
    }

    /** p50/p99/max of 2 000 sequential requests after 300 of warm-up, against a p99 target in ms. */
    static void latency(String what, HttpClient http, String url, String token, int targetMs) throws Exception {
        latency(what, 300, 2000, targetMs, () -> get(http, url, token));
    }

    /** p50/p99/max of {@code count} sequential calls of {@code request} after {@code warmUp}, against a p99 target. */
    static void latency(String what, int warmUp, int count, int targetMs, java.util.concurrent.Callable<?> request)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            request.call();
        }
        var micros = new long[count];
        var gcBefore = GcPauses.now();
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            request.call();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        var gc = GcPauses.now().since(gcBefore);
        Arrays.sort(micros);
        System.out.printf("%-36s p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d requests (target p99 <= %d ms); %s%n",
                what, micros[micros.length / 2] / 1000.0, micros[micros.length * 99 / 100] / 1000.0,
                micros[micros.length - 1] / 1000.0, micros.length, targetMs, gc);
    }

    private static double throughput(HttpClient http, String url, String token) throws Exception {
        var count = new AtomicLong();
        long end = System.nanoTime() + 10_000_000_000L;
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int c = 0; c < 2; c++) {
                // the pool's close() waits for both; a failure shows as a low count
                var unused = pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        get(http, url, token);
                        count.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return count.get() / 10.0;
    }

    static HttpResponse<byte[]> get(HttpClient http, String url, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Wiring w, HttpResponse<byte[]> response) throws Exception {
        return w.mapper.readTree(response.body());
    }
}
