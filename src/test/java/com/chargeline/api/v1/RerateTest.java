package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.cli.ChargelineCommand;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RerateTest {
    @Test
    void a_deck_change_rerates_with_new_rows_keeps_the_old_and_keeps_rollups_consistent() {
        try (var server = new TestServer()) {
            var fx = new UsageFixture(server, "Rerate Master");
            var t = fx.master.token();
            assertThat(server.api.post(fx.path("/usage/calls"), t, "[" + String.join(",",
                    UsageFixture.call("r-1", "outbound", "+14155550100", "+12125550123", "1001", 45, "2026-11-20T10:00:00Z"),
                    UsageFixture.call("r-2", "outbound", "+14155550101", "+12125550123", "1002", 120, "2026-11-21T10:00:00Z"),
                    UsageFixture.call("r-3", "outbound", "+14155550100", "+447911123456", "1001", 60, "2026-10-05T10:00:00Z"))
                    + "]").status()).isEqualTo(200);
            var cheaper = UsageFixture.DECK.replace("1,United States,local,0.05,", "1,United States,local,0.02,");
            assertThat(server.api.send("PUT", fx.path("/rate_decks/" + fx.deckId + "/rates"), t, "text/csv", cheaper).status())
                    .isEqualTo(200);

            int exit = ChargelineCommand.commandLine().execute("rerate", "--account", fx.master.id(), "--from", "2026-11-01",
                    "--to", "2026-11-30", "--db-url", server.dbUrl, "--db-user", "postgres");
            assertThat(exit).isZero();

            var r1 = server.api.get(fx.path("/usage/calls/r-1"), t).json();
            assertThat(r1.get("ratings").asInt()).isEqualTo(2);
            assertThat(r1.get("rating_no").asInt()).isEqualTo(2);
            assertThat(r1.get("total_charge").asText()).isEqualTo("0.0160");
            assertThat(r1.get("explanation").get("deck_version").asInt()).isEqualTo(3);
            assertThat(server.api.get(fx.path("/usage/calls/r-2"), t).json().get("explanation").get("allowance_seconds").asInt())
                    .as("plan minutes are drawn again").isEqualTo(60);
            assertThat(server.api.get(fx.path("/usage/calls/r-3"), t).json().get("ratings").asInt())
                    .as("October is outside the range").isEqualTo(1);
            var db = server.app.wiring().db;
            var old = db.withHandle(h -> h.createQuery(
                    "SELECT total_charge FROM rated_call WHERE call_log_id = 'r-1' AND NOT current").mapTo(BigDecimal.class).one());
            assertThat(old).as("the first rating is kept as it was").isEqualByComparingTo("0.0400");
            var records = db.withHandle(h -> h.createQuery("SELECT sum(total_charge) FROM rated_call WHERE current")
                    .mapTo(BigDecimal.class).one());
            var monthly = db.withHandle(h -> h.createQuery("SELECT sum(total_charge) FROM usage_monthly")
                    .mapTo(BigDecimal.class).one());
            var daily = db.withHandle(h -> h.createQuery("SELECT sum(records) FROM usage_hourly").mapTo(Long.class).one());
            assertThat(monthly).isEqualByComparingTo(records);
            assertThat(daily).isEqualTo(3);
            var allowance = db.withHandle(h -> h.createQuery("SELECT sum(used_seconds) FROM allowance_usage").mapTo(Long.class).one());
            assertThat(allowance).isEqualTo(60);

            server.app.wiring().rerateCalls.rerate(fx.master.account().id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            BigDecimal again = db.withHandle(h -> h.createQuery("SELECT sum(total_charge) FROM usage_monthly")
                    .mapTo(BigDecimal.class).one());
            assertThat(again).as("re-rating again with the same deck changes no totals").isEqualByComparingTo(monthly);
        }
    }
}
