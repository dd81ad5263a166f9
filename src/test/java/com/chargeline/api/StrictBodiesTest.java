package com.chargeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A body is read whole or refused: content after the JSON value, a repeated key, nesting past the
 * parser's limit, a bad NDJSON line or bytes that are not UTF-8 are a 400 naming where, and nothing
 * of such a request is stored.
 */
class StrictBodiesTest {
    static TestServer server;
    static UsageFixture fx;
    static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Strict Bodies");
        token = fx.master.token();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String call(String id, int seconds) {
        return UsageFixture.call(id, "outbound", "+14155550100", "+12125550123", "1001", seconds, "2026-11-20T09:00:00Z");
    }

    private static Api.Response postCalls(String contentType, String body) {
        return server.api.send("POST", fx.path("/usage/calls"), token, contentType, body);
    }

    private static void assertNotStored(String... ids) {
        for (var id : ids) {
            assertThat(server.api.get(fx.path("/usage/calls/" + id), token).status()).as(id).isEqualTo(404);
        }
    }

    /** Native bodies say what broke in the message; Zoom bodies keep Zoom's message and say it in errors[0]. */
    private static void assertMalformed(Api.Response response, String... fragments) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asInt()).isEqualTo(300);
        var zoom = response.raw().request().uri().getPath().startsWith("/v2/");
        if (zoom) {
            assertThat(response.json().get("message").asText()).isEqualTo("Request Body should be a valid JSON object.");
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("body");
        }
        assertThat(response.json().at(zoom ? "/errors/0/message" : "/message").asText()).contains(fragments);
    }

    @Test
    void a_second_array_after_the_first_is_refused_and_neither_is_stored() {
        var response = postCalls("application/json", "[" + call("js-1", 30) + "] [" + call("js-2", 30) + "]");
        assertMalformed(response, "content after its JSON value", "line 1, column");
        assertNotStored("js-1", "js-2");
    }

    @Test
    void garbage_after_the_array_is_refused() {
        assertMalformed(postCalls("application/json", "[" + call("jx-1", 30) + "]xyz"), "content after its JSON value");
        assertNotStored("jx-1");
    }

    @Test
    void an_ndjson_line_with_two_objects_is_refused_naming_its_line() {
        var body = call("nd-1", 30) + "\n" + call("nd-2", 30) + " " + call("nd-3", 30) + "\n";
        assertMalformed(postCalls("application/x-ndjson", body), "content after its JSON value", "(line 2, column");
        assertNotStored("nd-1", "nd-2", "nd-3");
    }

    @Test
    void ndjson_errors_name_the_line_of_the_body() {
        var body = call("nl-1", 30) + "\n\n" + call("nl-2", 30) + "\n{\"call_log_id\": oops}\n";
        assertMalformed(postCalls("application/x-ndjson", body), "not valid JSON", "(line 4, column");
        var accented = body.replace("\"call_log_id\":\"nl-1\"", "\"call_log_id\":\"nl-1\",\"calling_party_name\":\"Zo\u00eb\"");
        assertMalformed(postCalls("application/x-ndjson", accented), "not valid JSON", "(line 4, column");
        assertNotStored("nl-1", "nl-2");
    }

    @Test
    void a_repeated_key_is_refused_naming_the_key() {
        var body = "[" + call("dup-1", 10).replace("\"duration_seconds\":10", "\"duration_seconds\":10,\"duration_seconds\":600")
                + "]";
        assertMalformed(postCalls("application/json", body), "repeats the key \"duration_seconds\"");
        assertNotStored("dup-1");
        assertMalformed(server.api.patch("/v2/accounts/me/billing", token, "{\"city\":\"A\",\"city\":\"B\"}"),
                "repeats the key \"city\"");
    }

    @Test
    void nesting_two_thousand_deep_is_a_400_not_a_500() {
        var deep = "[".repeat(2000) + "]".repeat(2000);
        assertMalformed(postCalls("application/json", deep), "nests deeper than 1000 levels");
        assertMalformed(postCalls("application/x-ndjson", deep), "nests deeper than 1000 levels");
        assertMalformed(server.api.patch("/v2/accounts/me/billing", token, "{\"a\":" + deep + "}"), "nests deeper");
    }

    @Test
    void trailing_content_after_a_zoom_body_is_refused_and_changes_nothing() {
        var before = server.api.get("/v2/accounts/me/billing", token).body();
        assertMalformed(server.api.patch("/v2/accounts/me/billing", token, "{\"first_name\":\"a\"} garbage"),
                "content after its JSON value");
        assertThat(server.api.get("/v2/accounts/me/billing", token).body()).isEqualTo(before);
    }

    @Test
    void a_csv_upload_that_is_not_utf8_is_refused() {
        var bytes = "prefix,destination\n1,Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var response = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url(fx.path("/rate_decks/" + fx.deckId
                        + "/rates"))))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertMalformed(response, "not valid UTF-8 (line 2, byte");
    }

    @Test
    void csv_with_an_unbalanced_quote_is_a_400_naming_its_line() {
        var deck = server.api.send("PUT", fx.path("/rate_decks/" + fx.deckId + "/rates"), token, "text/csv",
                UsageFixture.DECK.replace("44,United Kingdom,", "44,\"United Kingdom,"));
        assertThat(deck.status()).as(deck.body()).isEqualTo(400);
        assertThat(deck.json().at("/errors/0/message").asText()).contains("Not a readable CSV file", "line");
        var users = server.api.send("POST", fx.path("/users"), token, "text/csv", 
                "name,email,extension_number,employee_id,department,cost_center,calling_plan,billing_account_id,phone_numbers\n"
                        + "Ada,\"ada@example.com,1001,,,,,,\n");
        assertThat(users.status()).as(users.body()).isEqualTo(400);
        assertThat(users.json().at("/errors/0/message").asText()).contains("Not a readable CSV file");
    }

    @Test
    void an_extension_held_by_another_user_is_a_400_not_a_500() {
        var response = server.api.post(fx.path("/users"), token,
                "[{\"name\":\"Eve\",\"email\":\"eve@example.com\",\"extension_number\":\"1001\"}]");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("users[0].extension_number");
        assertThat(response.json().at("/errors/0/message").asText()).contains("ada@example.com");
    }

    @Test
    void an_overlong_nul_or_an_encoded_surrogate_in_json_is_refused_as_not_utf8() {
        for (var bad : new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            var head = ("[" + call("utf-1", 30).replace("\"department\"", "\"x\"")).replace("}", ",\"cost_center\":\"A")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var tail = "\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var body = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
            var response = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url(fx.path("/usage/calls"))))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertMalformed(response, "not valid UTF-8 (line 1, byte");
        }
        assertNotStored("utf-1");
    }

    @Test
    void a_csv_upload_may_start_with_a_byte_order_mark() {
        var response = server.api.send("PUT", fx.path("/rate_decks/" + fx.deckId + "/sms_rates"), token, "text/csv",
                "\uFEFF" + UsageFixture.SMS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void native_bodies_refuse_unknown_fields() {
        var response = server.api.send("PUT", "/api/v1/accounts/me/plan_discount", token, "application/json",
                "{\"percent\":5,\"percnt\":7}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("percnt");
        assertThat(server.api.get("/api/v1/accounts/me/plan_discount", token).json().get("percent").asDouble()).isZero();
        var records = postCalls("application/json", "[" + call("unk-1", 30).replace("}", ",\"duration_second\":5}") + "]");
        assertThat(records.status()).isEqualTo(400);
        assertThat(records.json().at("/errors/0/field").asText()).isEqualTo("records[0].duration_second");
        assertNotStored("unk-1");
    }

    @Test
    void a_null_record_field_means_not_given_but_a_null_zoom_field_is_refused() {
        var withNull = call("null-1", 30).replace("}", ",\"answer_time\":null,\"cost_center\":null}");
        assertThat(postCalls("application/json", "[" + withNull + "]").status()).isEqualTo(200);
        var sub = server.sub(fx.master, "Strict Options", PayMode.MASTER);
        var options = server.api.patch("/v2/accounts/" + sub.id() + "/options", token,
                "{\"resource_meeting_hybrid_list\": null}");
        assertThat(options.status()).as(options.body()).isEqualTo(400);
        assertThat(options.json().at("/errors/0/field").asText()).isEqualTo("resource_meeting_hybrid_list");
    }

    @Test
    void a_fractional_host_count_is_refused_not_truncated() {
        var sub = server.sub(fx.master, "Strict Hosts", PayMode.MASTER);
        var response = server.api.send("PUT", "/v2/accounts/" + sub.id() + "/plans/addons", token, "application/json",
                "{\"type\":\"webinar500_monthly\",\"hosts\":2.7}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("hosts");
    }
}
