package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.api.limits.RateRules;
import com.chargeline.storage.Storage;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the rate limiter costs a request: {@code GET /v2/accounts/{subId}} (Light) by one client the limits apply to
 * and one exempted from them, on the same server and account, interleaved request by request (10 000 each after
 * 2 000 of warm-up each), one client at a time. The rules are the built-in ones' shape with numbers too large to trip,
 * so every limited request does the full work (plan lookup and one bucket row locked and updated). Prints p50/p99 of
 * both and the difference of the medians. Run with bench/rate-limits.sh.
 */
public final class RateLimitBench {
    private static final String LABELS = "\"Light\":[\"1000000000 per second\"],\"Medium\":[\"1000000000 per second\"],"
            + "\"Heavy\":[\"1000000000 per second\"],\"Resource-intensive\":[\"1000000000 per second\"]";

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/bench-rate-limits-data");
        var rulesFile = Files.createTempFile("rate-rules", ".json");
        Files.writeString(rulesFile, "{\"pro_plans\":[],\"tables\":{\"zoom\":{\"free\":{" + LABELS + "}},\"zoom-phone\":{"
                + "\"free\":{" + LABELS + "}},\"native\":{\"free\":{" + LABELS + "}},\"talkdesk\":{\"free\":{" + LABELS + "}}}}");
        var config = new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null, 1L << 20,
                Clock.systemUTC()).withRateLimits(RateRules.fromFile(rulesFile));
        try (var app = App.start(config)) {
            var w = app.wiring();
            var tag = UUID.randomUUID().toString().substring(0, 8);
            var master = w.createAccount.createMaster(account("Bench Master " + tag, tag, PayMode.MASTER));
            var sub = w.createAccount.createSub(master.id(), account("Bench Sub " + tag, tag + "s", PayMode.MASTER));
            var limited = w.createApiClient.create(master.id(), List.of(), "limited");
            var exempt = w.createApiClient.create(master.id(), List.of(), "exempt");
            w.revokeApiClient.setRateLimited(master.id(), exempt.client().clientId(), false);
            var limitedToken = w.accessTokens.issue(limited.client()).token();
            var exemptToken = w.accessTokens.issue(w.apiClientQueries.active(exempt.client().clientId()).orElseThrow()).token();
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var url = "http://127.0.0.1:" + app.port() + "/v2/accounts/" + sub.id().wire();
            var check = ReportsBench.get(http, url, limitedToken);
            if (check.headers().firstValue("X-RateLimit-Category").isEmpty()
                    || ReportsBench.get(http, url, exemptToken).headers().firstValue("X-RateLimit-Category").isPresent()) {
                throw new IllegalStateException("the limited client must be counted and the exempt one not");
            }
            run(http, url, limitedToken, exemptToken, 2_000);
            var micros = run(http, url, limitedToken, exemptToken, 10_000);
            var on = micros[0];
            var off = micros[1];
            Arrays.sort(on);
            Arrays.sort(off);
            System.out.printf("Light GET, limits on:  p50 %.3f ms, p99 %.3f ms over %d requests%n", on[on.length / 2] / 1000.0,
                    on[on.length * 99 / 100] / 1000.0, on.length);
            System.out.printf("Light GET, limits off: p50 %.3f ms, p99 %.3f ms over %d requests%n",
                    off[off.length / 2] / 1000.0, off[off.length * 99 / 100] / 1000.0, off.length);
            System.out.printf("cost of the limiter (difference of the medians): %.3f ms%n",
                    (on[on.length / 2] - off[off.length / 2]) / 1000.0);
        }
    }

    /** {@code rounds} requests by each client, alternating; the microseconds of each, limited then exempt. */
    private static long[][] run(HttpClient http, String url, String limited, String exempt, int rounds) throws Exception {
        var on = new long[rounds];
        var off = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            boolean limitedFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isLimited = limitedFirst == (k == 0);
                long t0 = System.nanoTime();
                ReportsBench.get(http, url, isLimited ? limited : exempt);
                long micros = (System.nanoTime() - t0) / 1000;
                (isLimited ? on : off)[i] = micros;
            }
        }
        return new long[][] {on, off};
    }

    private static NewAccount account(String name, String tag, PayMode payMode) {
        return new NewAccount(new Account.Owner(null, "owner-" + tag + "@bench.example", "Ada", "Lovelace"),
                "Tr0ub4dor-" + tag, name, new AccountOptions(payMode, false, "{}"), "US", NewAccount.Extras.none());
    }
}
