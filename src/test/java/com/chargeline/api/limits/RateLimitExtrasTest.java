package com.chargeline.api.limits;

import static com.chargeline.api.limits.RateLimitsTest.assertDaily;
import static com.chargeline.api.limits.RateLimitsTest.assertPerSecond;
import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing endpoints' own limits, with the built-in rules (Zoom's real numbers), for a Business+ account whose
 * Heavy label (40 per second) is not what trips: the server's clock is frozen and moved by hand.
 */
class RateLimitExtrasTest {
    TestServer server;
    TestServer.Tenant master;

    @BeforeEach
    void start() {
        server = TestServer.withRateLimits(RateRules.defaults());
        master = server.master("Extras");
        server.subscribe(master, "business_monthly", 10);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Api.Response call(String method, String path) {
        var wiring = server.app.wiring();
        var token = wiring.accessTokens.issue(wiring.apiClientQueries.active(master.clientId()).orElseThrow()).token();
        return server.api.send(method, path, token, method.equals("POST") ? "application/json" : null,
                method.equals("POST") ? "{}" : null);
    }

    void assertAdmitted(Api.Response r) {
        assertThat(r.status()).as(r.body()).isNotEqualTo(429);
        assertThat(r.header("X-RateLimit-Category")).isEqualTo("Heavy");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("60000");
    }

    @Test
    void invoice_details_once_every_30_minutes() {
        var path = "/v2/accounts/" + master.id() + "/billing/invoices/INV-1";
        assertAdmitted(call("GET", path));
        assertPerSecond(call("GET", path), "Heavy", 1, "1800");
        server.clock.advance(Duration.ofMinutes(29));
        assertPerSecond(call("GET", path), "Heavy", 1, "60");
        server.clock.advance(Duration.ofMinutes(1));
        assertAdmitted(call("GET", path));
    }

    @Test
    void the_invoice_pdf_once_every_30_minutes_on_each_of_its_paths() {
        assertAdmitted(call("GET", "/api/download/billing/invoices/INV-1"));
        assertPerSecond(call("GET", "/v2/api/download/billing/invoices/INV-1"), "Heavy", 1, "1800");
        assertAdmitted(call("GET", "/v2/billing/invoices/INV-1/download"));
        assertPerSecond(call("GET", "/v2/billing/invoices/INV-1/download"), "Heavy", 1, "1800");
        server.clock.advance(Duration.ofMinutes(30));
        assertAdmitted(call("GET", "/api/download/billing/invoices/INV-1"));
    }

    @Test
    void listing_invoices_once_every_5_minutes_and_6_a_day() {
        var path = "/v2/accounts/" + master.id() + "/billing/invoices";
        for (int i = 0; i < 5; i++) {
            assertAdmitted(call("GET", path));
            assertPerSecond(call("GET", path), "Heavy", 1, "300");
            server.clock.advance(Duration.ofMinutes(5));
        }
        assertAdmitted(call("GET", path));
        // both windows are empty now: the daily quota is the one reported
        assertDaily(call("GET", path), "Heavy", 6, "2026-11-25T00:00:00Z");
        server.clock.advance(Duration.ofMinutes(5));
        assertDaily(call("GET", path), "Heavy", 6, "2026-11-25T00:00:00Z");
    }

    @Test
    void generating_an_invoice_report_once_every_3_minutes_and_100_a_day() {
        var path = "/v2/accounts/billing/invoice_reports";
        for (int i = 0; i < 100; i++) {
            assertAdmitted(call("POST", path));
            if (i == 0) {
                assertPerSecond(call("POST", path), "Heavy", 1, "180");
            }
            server.clock.advance(Duration.ofMinutes(3));
        }
        assertDaily(call("POST", path), "Heavy", 100, "2026-11-25T00:00:00Z");
    }

    @Test
    void the_other_invoice_report_operations_once_a_second_each() {
        var reports = "/v2/accounts/billing/invoice_reports";
        String[][] calls = {{"GET", reports}, {"GET", reports + "/rep-1"}, {"DELETE", reports + "/rep-1"}};
        for (var c : calls) {
            assertAdmitted(call(c[0], c[1]));
            assertPerSecond(call(c[0], c[1]), "Heavy", 1, "1");
        }
        server.clock.advance(Duration.ofSeconds(1));
        for (var c : calls) {
            assertAdmitted(call(c[0], c[1]));
        }
    }
}
