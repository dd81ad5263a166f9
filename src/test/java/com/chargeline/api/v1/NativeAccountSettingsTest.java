package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An account's time zone: an IANA name, set before its first usage and never after. */
class NativeAccountSettingsTest {
    static final String NOT_A_ZONE = "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"time_zone\","
            + "\"message\":\"An IANA time zone such as America/Los_Angeles or Asia/Kolkata (not a fixed offset).\"}]}";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sets_the_zone_before_the_first_usage_and_refuses_it_after() {
        var fx = new UsageFixture(server, "Settings Master");
        var t = fx.master.token();
        assertThat(server.api.get(fx.path("/settings"), t).body())
                .isEqualTo("{\"time_zone\":\"UTC\",\"country\":\"US\",\"currency\":\"USD\"}");

        var set = server.api.send("PATCH", fx.path("/settings"), t, "application/json", "{\"time_zone\":\"Asia/Kathmandu\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"time_zone\":\"Asia/Kathmandu\",\"country\":\"US\",\"currency\":\"USD\"}");
        assertThat(server.app.wiring().accountQueries.find(fx.master.account().id()).orElseThrow().profile().timeZone().getId())
                .isEqualTo("Asia/Kathmandu");

        assertThat(server.api.post(fx.path("/usage/calls"), t, "[" + UsageFixture.call("tz-1", "outbound", "+14155550100",
                "+12125550123", "1001", 45, "2026-11-20T10:00:00Z") + "]").status()).isEqualTo(200);
        var late = server.api.send("PATCH", fx.path("/settings"), t, "application/json", "{\"time_zone\":\"UTC\"}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":"
                + "\"time_zone\",\"message\":\"The account has usage already, kept by the months of its zone; the time zone "
                + "can only be set before its first call or message.\"}]}");
        assertThat(server.api.get(fx.path("/settings"), t).json().get("time_zone").asText()).isEqualTo("Asia/Kathmandu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+05:30", "GMT+5", "UTC+05:45", "Etc/GMT-5", "Mars/Olympus", "asia/kolkata", "EST", ""})
    void refuses_what_is_not_an_iana_place(String zone) {
        var master = server.master("Settings Bad " + zone.hashCode());
        var response = server.api.send("PATCH", "/api/v1/accounts/" + master.id() + "/settings", master.token(),
                "application/json", "{\"time_zone\":\"" + zone + "\"}");
        assertThat(response.status()).isEqualTo(400);
        if (!zone.isEmpty()) {
            assertThat(response.body()).isEqualTo(NOT_A_ZONE);
        }
    }

    @Test
    void refuses_unknown_fields_and_other_tenants() {
        var master = server.master("Settings Closed");
        var other = server.master("Settings Other");
        var unknown = server.api.send("PATCH", "/api/v1/accounts/" + master.id() + "/settings", master.token(),
                "application/json", "{\"time_zone\":\"UTC\",\"country\":\"GB\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"country\"");
        assertThat(server.api.get("/api/v1/accounts/" + other.id() + "/settings", master.token()).status()).isEqualTo(404);
    }
}
