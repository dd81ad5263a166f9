package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeSmsEndpointsTest {
    static TestServer server;
    static UsageFixture fx;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "SMS Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String sms(String id, String to, String extra) {
        return "{\"message_id\":\"" + id + "\",\"direction\":\"outbound\",\"from_number\":\"+14155550100\","
                + "\"to_number\":\"" + to + "\",\"sent_time\":\"2026-11-20T08:00:00Z\"," + extra + "}";
    }

    @Test
    void prices_messages_per_segment_by_destination_country_and_is_idempotent() {
        var batch = "[" + sms("m-us", "+12125550123", "\"text_length\":200,\"encoding\":\"gsm7\"") + ","
                + sms("m-uk", "+447911123456", "\"segments\":1") + ","
                + sms("m-mms", "+447911123456", "\"message_type\":\"MMS\"") + "]";

        var response = server.api.post(fx.path("/usage/sms"), fx.master.token(), batch);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(response.json().get("total_charge").asText())).isEqualByComparingTo("0.0850");
        var again = server.api.post(fx.path("/usage/sms"), fx.master.token(), batch).json();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        var rows = server.app.wiring().db.withHandle(h -> h.createQuery(
                        "SELECT message_id || ':' || segments || ':' || total_charge || ':' || cost_center FROM rated_sms "
                                + "WHERE account_id = :a ORDER BY message_id")
                .bind("a", fx.master.account().id().value()).mapTo(String.class).list());
        assertThat(rows).containsExactly("m-mms:1:0.0200000000:CC-100", "m-uk:1:0.0500000000:CC-100",
                "m-us:2:0.0150000000:CC-100");
    }

    @Test
    void texts_with_copy_format_characters_are_stored_exactly() {
        var response = server.api.post(fx.path("/usage/sms"), fx.master.token(), "[" + sms("m-esc", "+12125550123",
                "\"segments\":1,\"from_display_name\":\"Tab\\there\",\"to_display_name\":\"back\\\\slash \\\\N\","
                        + "\"department\":\"line\\nbreak\\r\",\"cost_center\":\"\\\\.\"") + "]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var row = server.app.wiring().db.withHandle(h -> h.createQuery(
                        "SELECT from_display_name, to_display_name, department, cost_center FROM rated_sms "
                                + "WHERE account_id = :a AND message_id = 'm-esc'")
                .bind("a", fx.master.account().id().value())
                .map((rs, ctx) -> java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .one());
        assertThat(row).containsExactly("Tab\there", "back\\slash \\N", "line\nbreak\r", "\\.");
    }

    @Test
    void refuses_messages_without_a_size_or_with_unknown_types() {
        var response = server.api.post(fx.path("/usage/sms"), fx.master.token(),
                "[" + sms("bad-1", "+12125550123", "\"message_type\":\"FAX\"") + "]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("records[0].message_type", "records[0].segments");
    }
}
