package com.chargeline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.PayMode;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zoom's rate limits through the real server, on a small rules file (test resource ratelimits/small-rules.json: the
 * same shape as the built-in rules with numbers small enough to trip), the server's clock frozen at
 * 2026-11-24T10:00:00Z and moved by hand.
 */
class RateLimitsTest {
    static final String PER_SECOND = "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for"
            + " this API. Try again later.\"}";
    static final String DAILY = "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API."
            + " Refer to the response header for details on when you can make another request.\"}";

    /** A GET with a token minted now (the clock moves past the hour tokens live). */
    static Api.Response get(TestServer server, TestServer.Tenant tenant, String path) {
        var wiring = server.app.wiring();
        var token = wiring.accessTokens.issue(wiring.apiClientQueries.active(tenant.clientId()).orElseThrow()).token();
        return server.api.get(path, token);
    }

    static RateRules small() {
        return RateRules.fromFile(Path.of("src/test/resources/ratelimits/small-rules.json"));
    }

    static void assertPasses(Api.Response r, String category, long limit, long remaining) {
        assertThat(r.status()).as(r.body()).isNotEqualTo(429);
        assertThat(r.header("X-RateLimit-Category")).as(r.status() + " " + r.body()).isEqualTo(category);
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Long.toString(limit));
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
        assertThat(r.header("X-RateLimit-Type")).isNull();
        assertThat(r.header("Retry-After")).isNull();
    }

    static void assertPerSecond(Api.Response r, String category, long limit, String retryAfter) {
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).isEqualTo(PER_SECOND);
        assertThat(r.header("X-RateLimit-Category")).isEqualTo(category);
        assertThat(r.header("X-RateLimit-Type")).isEqualTo("QPS");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Long.toString(limit));
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(r.header("Retry-After")).isEqualTo(retryAfter);
    }

    static void assertDaily(Api.Response r, String category, long limit, String retryAfter) {
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).isEqualTo(DAILY);
        assertThat(r.header("X-RateLimit-Category")).isEqualTo(category);
        assertThat(r.header("X-RateLimit-Type")).isEqualTo("Daily-limit");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Long.toString(limit));
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(r.header("Retry-After")).isEqualTo(retryAfter);
    }

    @Test
    void light_on_a_free_account_trips_per_window_then_daily_and_resets_at_midnight_utc() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Free Light");
            var sub = server.sub(master, "Sub", PayMode.MASTER);
            var path = "/v2/accounts/" + sub.id();
            for (int i = 0; i < 3; i++) {
                var r = get(server, master, path);
                assertThat(r.status()).isEqualTo(200);
                assertPasses(r, "Light", 5, 4 - i);
            }
            assertPerSecond(get(server, master, path), "Light", 3, "1200");
            server.clock.advance(Duration.ofHours(1));
            assertPasses(get(server, master, path), "Light", 5, 1);
            assertPasses(get(server, master, path), "Light", 5, 0);
            assertDaily(get(server, master, path), "Light", 5, "2026-11-25T00:00:00Z");
            server.clock.advance(Duration.between(server.clock.instant(), Instant.parse("2026-11-24T23:59:59Z")));
            assertDaily(get(server, master, path), "Light", 5, "2026-11-25T00:00:00Z");
            server.clock.advance(Duration.ofSeconds(1));
            assertPasses(get(server, master, path), "Light", 5, 4);
        }
    }

    @Test
    void medium_on_a_free_account_trips_at_two() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Free Medium");
            assertPasses(get(server, master, "/v2/accounts"), "Medium", 3, 2);
            assertPasses(get(server, master, "/v2/accounts"), "Medium", 3, 1);
            assertPerSecond(get(server, master, "/v2/accounts"), "Medium", 2, "1800");
        }
    }

    @Test
    void heavy_on_a_pro_account_trips_per_window_then_on_the_shared_daily_quota() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Pro Heavy");
            server.subscribe(master, "monthly", 1);
            var path = "/v2/accounts/" + master.id() + "/plans/usage";
            for (int i = 0; i < 3; i++) {
                assertPasses(get(server, master, path), "Heavy", 5, 4 - i);
            }
            assertPerSecond(get(server, master, path), "Heavy", 3, "1200");
            server.clock.advance(Duration.ofHours(1));
            assertPasses(get(server, master, path), "Heavy", 5, 1);
            assertPasses(get(server, master, path), "Heavy", 5, 0);
            assertDaily(get(server, master, path), "Heavy", 5, "2026-11-25T00:00:00Z");
        }
    }

    @Test
    void a_business_account_gets_the_business_numbers() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Business Light");
            server.subscribe(master, "business_monthly", 10);
            var path = "/v2/accounts/" + master.id() + "/billing";
            for (int i = 0; i < 6; i++) {
                assertPasses(get(server, master, path), "Medium", 6, 5 - i);
            }
            assertPerSecond(get(server, master, path), "Medium", 6, "600");
        }
    }

    @Test
    void a_new_base_plan_applies_from_the_next_request() {
        // the plan tier is read with the client on every request (findActive.sql), never remembered
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Free then Business");
            var path = "/v2/accounts/" + master.id() + "/billing";
            assertPasses(get(server, master, path), "Medium", 3, 2);
            server.subscribe(master, "business_monthly", 10);
            assertPasses(get(server, master, path), "Medium", 6, 5);
        }
    }

    @Test
    void resource_intensive_draws_from_the_quota_it_shares_with_heavy() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Pro Resource-intensive");
            server.subscribe(master, "monthly", 1);
            var limiter = server.app.wiring().rateLimiter;
            var intensive = Operation.of("intensive", RateLimit.zoom(Label.RESOURCE_INTENSIVE), "billing:master");
            var heavy = Operation.of("heavy", RateLimit.zoom(Label.HEAVY), "billing:master");
            var id = master.account().id();
            assertThat(limiter.admit(id, intensive)).isEqualTo(new RateLimiter.Admitted(Label.RESOURCE_INTENSIVE, 5, 4));
            assertThat(limiter.admit(id, intensive)).isEqualTo(new RateLimiter.Admitted(Label.RESOURCE_INTENSIVE, 5, 3));
            var perWindow = org.assertj.core.api.Assertions.catchThrowableOfType(RateLimiter.Refused.class,
                    () -> limiter.admit(id, intensive));
            assertThat(perWindow.limited().type()).isEqualTo("QPS");
            assertThat(perWindow.window().requests()).isEqualTo(2);
            assertThat(limiter.admit(id, heavy)).isEqualTo(new RateLimiter.Admitted(Label.HEAVY, 5, 2));
            assertThat(limiter.admit(id, heavy)).isEqualTo(new RateLimiter.Admitted(Label.HEAVY, 5, 1));
            server.clock.advance(Duration.ofHours(1));
            assertThat(limiter.admit(id, intensive)).isEqualTo(new RateLimiter.Admitted(Label.RESOURCE_INTENSIVE, 5, 0));
            var daily = org.assertj.core.api.Assertions.catchThrowableOfType(RateLimiter.Refused.class,
                    () -> limiter.admit(id, heavy));
            assertThat(daily.limited().type()).isEqualTo("Daily-limit");
            assertThat(daily.limited().retryAfter()).isEqualTo("2026-11-25T00:00:00Z");
            // the refused Heavy request gave its per-window token back: after midnight it has three again
            server.clock.advance(Duration.between(server.clock.instant(), Instant.parse("2026-11-25T00:00:00Z")));
            for (int i = 0; i < 3; i++) {
                limiter.admit(id, heavy);
            }
            assertThat(catchRefused(() -> limiter.admit(id, heavy)).limited().type()).isEqualTo("QPS");
        }
    }

    static RateLimiter.Refused catchRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(RateLimiter.Refused.class, call);
    }

    @Test
    void phone_reports_use_the_phone_table_and_a_free_account_gets_pro_numbers() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Phone");
            var path = "/v2/phone/reports/call_charges";
            assertPasses(get(server, master, path), "Heavy", 3, 2);
            assertPasses(get(server, master, "/v2/phone/reports/sms_charges"), "Heavy", 3, 1);
            assertPerSecond(get(server, master, path), "Heavy", 2, "1800");
        }
    }

    @Test
    void an_extra_window_of_one_operation_trips_before_its_label_and_has_its_own_daily_quota() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Invoice Details");
            server.subscribe(master, "business_monthly", 10);
            var path = "/v2/accounts/" + master.id() + "/billing/invoices/no-such-invoice";
            var first = get(server, master, path);
            assertThat(first.status()).isNotEqualTo(429);
            assertThat(first.header("X-RateLimit-Category")).isEqualTo("Heavy");
            assertPerSecond(get(server, master, path), "Heavy", 1, "1800");
            server.clock.advance(Duration.ofMinutes(30));
            assertThat(get(server, master, path).status()).isNotEqualTo(429);
            server.clock.advance(Duration.ofMinutes(30));
            assertDaily(get(server, master, path), "Heavy", 2, "2026-11-25T00:00:00Z");
        }
    }

    @Test
    void the_native_api_and_the_talkdesk_family_are_limited_in_their_own_error_shapes() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Own APIs");
            var decks = "/api/v1/accounts/" + master.id() + "/rate_decks";
            assertPasses(server.api.post(decks, master.token(), "{\"name\":\"A\",\"currency\":\"USD\",\"precision\":4}"),
                    "Resource-intensive", 1, 0);
            var refused = server.api.post(decks, master.token(), "{\"name\":\"B\",\"currency\":\"USD\",\"precision\":4}");
            assertPerSecond(refused, "Resource-intensive", 1, "3600");

            var token = server.tokenWithScopes(master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
            assertPasses(server.api.get("/express/usage/month", token), "Medium", 2, 1);
            assertPasses(server.api.get("/express/usage/month", token), "Medium", 2, 0);
            var talkdesk = server.api.get("/express/usage/month", token);
            assertThat(talkdesk.status()).isEqualTo(429);
            assertThat(talkdesk.body()).isEqualTo("{\"code\":\"0429001\",\"message\":\"Too Many Requests\",\"description\":"
                    + "\"You have reached the maximum per-second rate limit for this API. Try again later.\",\"fields\":[]}");
            assertThat(talkdesk.header("X-RateLimit-Type")).isEqualTo("QPS");
            assertThat(talkdesk.header("Retry-After")).isEqualTo("1800");
        }
    }

    @Test
    void a_client_exempted_from_the_limits_is_never_refused_and_gets_no_rate_limit_headers() {
        try (var server = TestServer.withRateLimits(small())) {
            var master = server.master("Exempt");
            server.app.wiring().revokeApiClient.setRateLimited(master.account().id(), master.clientId(), false);
            for (int i = 0; i < 4; i++) {
                var r = get(server, master, "/v2/accounts");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Category")).isNull();
            }
            server.app.wiring().revokeApiClient.setRateLimited(master.account().id(), master.clientId(), true);
            assertPasses(get(server, master, "/v2/accounts"), "Medium", 3, 2);
        }
    }

    @Test
    void without_rate_limits_nothing_is_counted() {
        try (var server = new TestServer()) {
            var master = server.master("Off");
            for (int i = 0; i < 5; i++) {
                var r = get(server, master, "/v2/accounts");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Category")).isNull();
            }
        }
    }

    @Test
    void a_limit_holds_across_two_server_instances_on_one_database() {
        try (var one = TestServer.withRateLimits(small()); var two = one.secondNode()) {
            var master = one.master("Two Nodes");
            server(one, two);
            var path = "/v2/accounts/" + master.id() + "/plans/usage";
            // free Heavy: 2 per hour and 3 per day, requests alternating nodes
            assertPasses(get(one, master, path), "Heavy", 3, 2);
            assertPasses(get(two, master, path), "Heavy", 3, 1);
            assertPerSecond(get(one, master, path), "Heavy", 2, "1800");
            assertPerSecond(get(two, master, path), "Heavy", 2, "1800");
            one.clock.advance(Duration.ofHours(1));
            two.clock.advance(Duration.ofHours(1));
            assertPasses(get(two, master, path), "Heavy", 3, 0);
            assertDaily(get(one, master, path), "Heavy", 3, "2026-11-25T00:00:00Z");
            assertDaily(get(two, master, path), "Heavy", 3, "2026-11-25T00:00:00Z");
        }
    }

    private static void server(TestServer one, TestServer two) {
        assertThat(one.app.port()).isNotEqualTo(two.app.port());
        assertThat(one.app.wiring()).isNotSameAs(two.app.wiring());
    }
}
