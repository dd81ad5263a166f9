package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.storage.Storage;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dashboard's overview for a master with 50 sub accounts and 10 M rated calls in the month (200 000 each, seeded
 * once into the reports benchmark's data dir through the real ingest pipeline): the server runs on a clock fixed at
 * 20:00 UTC on the month's last day, so the month seeded is "this month" with 30 days of sparkline. Signs in through
 * the sign-in form like a browser and times {@code GET /dashboard/overview} (the whole HTML page over loopback, so an
 * upper bound of the server's rendering): p50/p99 over 1 000 sequential requests after 200 of warm-up, two rounds.
 * Target (docs/BENCHMARKS.md): <= 300 ms. Run with bench/dashboard-overview.sh.
 */
public final class DashboardOverviewBench {
    private static final String EMAIL = "fifty@dashboard.example";
    private static final int SUBS = 50;
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/bench-reports-data");
        long perSub = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        var month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        var now = month.atEndOfMonth().atTime(20, 0).toInstant(ZoneOffset.UTC);
        var config = new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null, 1L << 20,
                Clock.fixed(now, ZoneOffset.UTC));
        try (var app = App.start(config)) {
            var w = app.wiring();
            var found = w.accountQueries.findByEmail(EMAIL);
            var master = found.isPresent() ? found.get() : seed(w, month, perSub);
            var records = w.db.jdbi().withHandle(h -> h.createQuery("SELECT sum(records) FROM usage_lines_monthly u "
                    + "JOIN account a ON a.account_id = u.account_id WHERE (a.account_id = :m OR a.master_account_id = :m) "
                    + "AND u.month = :month").bind("m", master.id().value()).bind("month", month.atDay(1))
                    .mapTo(Long.class).one());
            System.out.printf("%s: %d sub accounts, %,d rated records in %s, clock at %s%n", master.profile().name(),
                    SUBS, records, month, now);
            var client = w.createApiClient.create(master.id(), ApiScopes.MASTER_DEFAULT, "bench");
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var base = "http://127.0.0.1:" + app.port();
            var cookie = signIn(http, base, client.client().clientId(), client.clientSecret());
            var page = get(http, base + "/dashboard/overview", cookie);
            System.out.printf("overview: %,d bytes, %d account rows%n", page.length(),
                    page.split("<tr data-account=", -1).length - 1);
            for (int round = 1; round <= 2; round++) {
                time("round " + round + ": GET /dashboard/overview", http, base + "/dashboard/overview", cookie);
            }
            time("GET /dashboard/overview.csv", http, base + "/dashboard/overview.csv", cookie);
        }
    }

    private static Account seed(Wiring w, YearMonth month, long perSub) {
        var master = w.createAccount.createMaster(new NewAccount(new Account.Owner(null, EMAIL, "Bench", "Dashboard"),
                "Bench-Dashboard-2026", "Fifty Subs", AccountOptions.defaults(), "US", NewAccount.Extras.none()));
        var deck = w.createRateDeck.create(master.id(), "Bench", "USD", 4);
        w.importRates.calls(master.id(), deck.deckId(), new StringReader(ReportsBench.deck()));
        long t0 = System.nanoTime();
        for (int s = 0; s < SUBS; s++) {
            var sub = w.createAccount.createSub(master.id(), new NewAccount(new Account.Owner(null,
                    "sub" + s + "@dashboard.example", "Sub", "Account " + s), "Bench-Dashboard-2026", "Sub account " + s,
                    new AccountOptions(PayMode.MASTER, false, "{}"), "US", NewAccount.Extras.none()));
            w.assignRateDeck.assign(master.id(), sub.id(), deck.deckId());
            var users = new ArrayList<PhoneUser>();
            for (int u = 0; u < 20; u++) {
                users.add(new PhoneUser(null, new PhoneUser.Identity("User " + u, "u" + u + ".s" + s + "@dashboard.example",
                        Integer.toString(1000 + u)), new PhoneUser.Attribution("E" + u, "Dept " + (u % 4), "CC-" + (u % 3),
                        "", ""), List.of(String.format("+1647%03d%04d", 200 + s, u))));
            }
            w.upsertUsers.upsert(sub.id(), users);
            w.seedUsage.seed(sub.id(), month, perSub, 0, (kind, done, all) -> { });
            System.out.printf("  seeded sub account %d of %d: %,d calls (%.0f s)%n", s + 1, SUBS, perSub,
                    (System.nanoTime() - t0) / 1e9);
        }
        return master;
    }

    private static String signIn(HttpClient http, String base, String clientId, String secret) throws Exception {
        var form = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var m = LOGIN_TOKEN.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no login token on the sign-in form: " + form.statusCode());
        }
        var login = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chargeline_login="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no login cookie with the sign-in form"));
        var body = "login_token=" + enc(m.group(1)) + "&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", login)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chargeline_session="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in refused: " + signedIn.statusCode()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String get(HttpClient http, String url, String cookie) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode());
        }
        return r.body();
    }

    private static void time(String what, HttpClient http, String url, String cookie) throws Exception {
        ReportsBench.latency(what, 200, 1000, 300, () -> get(http, url, cookie));
    }

    private DashboardOverviewBench() {
    }
}
