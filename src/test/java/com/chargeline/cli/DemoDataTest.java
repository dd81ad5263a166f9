package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void seeds_once_and_reuses_accounts_and_credentials_on_restart() throws Exception {
        try (var server = new TestServer()) {
            var file = dir.resolve("demo-credentials.json");
            var first = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");
            var second = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");

            assertThat(second).isEqualTo(first);
            assertThat(first.subAccounts()).hasSize(4);
            assertThat(Files.readString(file)).contains("\"base_url\"", "\"account_id\"", "\"client_id\"",
                    "\"client_secret\"", "\"sub_accounts\"");
            var token = server.api.token(first.accountId(), first.clientId(), first.clientSecret())
                    .json().get("access_token").asText();
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
            for (var sub : first.subAccounts()) {
                assertThat(server.api.token(sub.accountId(), sub.clientId(), sub.clientSecret()).status()).isEqualTo(200);
            }

            var usage = server.app.wiring().db.withHandle(h -> h.createQuery(
                            "SELECT kind || ':' || sum(records) FROM usage_monthly GROUP BY kind ORDER BY kind")
                    .mapTo(String.class).list());
            assertThat(usage).containsExactly("call:5000", "sms:1000");
            var errors = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM rated_call WHERE status = 'error'").mapTo(Long.class).one());
            var reasons = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT DISTINCT rating_error FROM rated_call WHERE status = 'error' LIMIT 5").mapTo(String.class).list());
            assertThat(errors).as("the demo deck prices every demo destination: %s", reasons).isZero();
            var charged = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM rated_call WHERE total_charge > 0").mapTo(Long.class).one());
            assertThat(charged).isGreaterThan(500);
            var days = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(DISTINCT end_time::date) FROM rated_call").mapTo(Long.class).one());
            assertThat(days).as("traffic spreads over the last 30 days").isGreaterThanOrEqualTo(29);

            var renewals = server.api.get("/v2/accounts/billing/renewals?interval=90", token).json();
            assertThat(renewals.get("total_records").asInt()).as("the three master-paid sub accounts renew within 90 days")
                    .isEqualTo(3);
            var dates = new java.util.TreeSet<String>();
            renewals.get("results").forEach(r -> dates.add(r.get("next_renewal_date").asText()));
            assertThat(dates).as("renewals spread over the next 90 days").hasSize(3);
            var harbor = first.subAccounts().getFirst().accountId();
            var plans = server.api.get("/v2/accounts/" + harbor + "/plans", token).json();
            assertThat(plans.get("plan_base").get("type").asText()).isEqualTo("business_monthly");
            assertThat(plans.has("plan_phone")).isTrue();
            assertThat(plans.has("plan_webinar")).isTrue();
            assertThat(server.api.get("/v2/accounts/" + harbor + "/plans/usage", token).json().get("plan_base")
                    .get("usage").asInt()).as("the demo's directory users hold base-plan licences").isPositive();

            Files.delete(file);
            var third = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");
            assertThat(third.accountId()).isEqualTo(first.accountId());
            assertThat(third.clientId()).as("a lost credentials file gets new clients").isNotEqualTo(first.clientId());
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
        }
    }
}
