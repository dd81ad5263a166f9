package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchSeedCommandTest {
    private static int run(StringWriter err, String... args) {
        var cl = ChargelineCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void seeds_a_month_that_the_reports_and_rollups_agree_on() {
        try (var server = new TestServer()) {
            var fx = new UsageFixture(server, "Seeded Reseller");
            var err = new StringWriter();
            int code = run(err, "bench", "seed", "--account", fx.master.id(), "--calls", "25000", "--sms", "3000",
                    "--month", "2026-10", "--db-url", server.dbUrl, "--db-user", "postgres");
            assertThat(code).as(err.toString()).isZero();

            var db = server.app.wiring().db;
            var account = fx.master.account().id().value();
            var stored = db.withHandle(h -> h.createQuery("SELECT count(*) || '/' || count(DISTINCT call_log_id) || '/' "
                            + "|| (min(end_time) >= TIMESTAMPTZ '2026-10-01Z') || '/' || (max(end_time) < TIMESTAMPTZ '2026-11-01Z') "
                            + "|| '/' || count(*) FILTER (WHERE total_charge > 0) FROM rated_call WHERE account_id = :a")
                    .bind("a", account).mapTo(String.class).one());
            var parts = stored.split("/");
            assertThat(parts[0]).isEqualTo("25000");
            assertThat(parts[1]).isEqualTo("25000");
            assertThat(parts[2]).isEqualTo("true");
            assertThat(parts[3]).isEqualTo("true");
            assertThat(Long.parseLong(parts[4])).as("most seeded calls carry a charge").isGreaterThan(5_000);
            var monthly = db.withHandle(h -> h.createQuery("SELECT kind || ':' || sum(records) FROM usage_monthly "
                    + "WHERE account_id = :a GROUP BY kind ORDER BY kind").bind("a", account).mapTo(String.class).list());
            assertThat(monthly).containsExactly("call:25000", "sms:3000");

            var token = fx.master.token();
            var calls = server.api.get("/v2/phone/reports/call_charges?from=2026-10-01&to=2026-10-31&page_size=300", token);
            assertThat(calls.json().get("total_records").asLong()).isEqualTo(25_000);
            assertThat(calls.json().get("call_charges").size()).isEqualTo(300);
            var sms = server.api.get("/v2/phone/reports/sms_charges?from=2026-10-01&to=2026-10-31", token);
            assertThat(sms.json().get("total_records").asLong()).isEqualTo(3_000);
        }
    }

    @Test
    void refuses_an_account_without_directory_users_and_a_month_not_yet_begun() {
        try (var server = new TestServer()) {
            var bare = server.master("Empty Directory");
            var err = new StringWriter();
            var original = System.err;
            var captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured));
            try {
                assertThat(run(err, "bench", "seed", "--account", bare.id(), "--calls", "10", "--month", "2026-10",
                        "--db-url", server.dbUrl, "--db-user", "postgres")).isNotZero();
                assertThat(run(err, "bench", "seed", "--account", bare.id(), "--calls", "10", "--month", "2099-01",
                        "--db-url", server.dbUrl, "--db-user", "postgres")).isNotZero();
            } finally {
                System.setErr(original);
            }
            assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8) + err).contains("has no directory users with an extension and a phone number")
                    .contains("--month 2099-01 has not started yet");
        }
    }
}
