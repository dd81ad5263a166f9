package com.chargeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, it gets an answer in the family's error shape, never a stack trace. */
class HttpErrorsTest {
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer(4096);
        master = server.master("Errors Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknown_routes_and_methods_get_zoom_shaped_errors() {
        var unknown = server.api.get("/v2/no/such/thing", master.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("No such endpoint: GET /v2/no/such/thing.");

        var wrongMethod = server.api.send("PUT", "/v2/accounts", master.token(), "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asInt()).isEqualTo(405);

        var beside = server.api.send("DELETE", "/oauth/other", null, null, null);
        assertThat(beside.status()).isEqualTo(404);
        assertThat(beside.json().get("code").asInt()).as("only the token endpoint answers in the OAuth shape").isEqualTo(404);
    }

    @Test
    void a_405_names_the_allowed_methods() {
        var healthz = server.api.send("PUT", "/healthz", null, null, null);
        assertThat(healthz.status()).isEqualTo(405);
        assertThat(healthz.header("Allow")).isEqualTo("GET");
        var accounts = server.api.send("PUT", "/v2/accounts", master.token(), "application/json", "{}");
        assertThat(accounts.status()).isEqualTo(405);
        assertThat(accounts.header("Allow")).contains("GET", "POST").doesNotContain("PUT");
        var token = server.api.get("/oauth/token", null);
        assertThat(token.status()).isEqualTo(405);
        assertThat(token.header("Allow")).isEqualTo("POST");
        assertThat(token.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void the_token_endpoint_answers_a_nul_in_its_shape() {
        var response = server.api.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api.url(
                        "/oauth/token?grant_type=account_credentials&account_id=" + master.id() + "%00")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (master.clientId() + ":" + master.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"reason\":\"account_id: Must not contain NUL characters.\","
                + "\"error\":\"invalid_request\"}");
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        var big = "{\"city\":\"" + "x".repeat(10_000) + "\"}";
        var response = server.api.patch("/v2/accounts/me/billing", master.token(), big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asInt()).isEqualTo(300);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_a_sane_one() {
        assertThat(server.api.get("/healthz", null).header("X-Request-Id")).isNotBlank();
        var echoed = server.api.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api.url("/healthz")))
                .header("X-Request-Id", "abc-123"));
        assertThat(echoed.header("X-Request-Id")).isEqualTo("abc-123");
    }

    @Test
    void health_metrics_openapi_and_docs_are_served() {
        assertThat(server.api.get("/healthz", null).json().get("status").asText()).isEqualTo("ok");
        server.api.get("/v2/accounts", master.token());
        assertThat(server.api.get("/metrics", null).body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v2/accounts\",status=\"200\"}")
                .contains("hikaricp_connections");
        assertThat(server.api.get("/api/v1/openapi.json", null).json().get("openapi").asText()).startsWith("3.");
        var docs = server.api.get("/docs", null);
        assertThat(docs.body()).contains("swagger-ui-bundle.js");
        var bundle = docs.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
        assertThat(server.api.get(bundle, null).status()).isEqualTo(200);
    }

    @Test
    void nul_characters_are_refused_up_front_wherever_they_come() {
        var query = server.api.get("/v2/phone/reports/call_charges?billing_account_id=%00x", master.token());
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":"
                + "\"billing_account_id\",\"message\":\"Must not contain NUL characters.\"}]}");
        var body = server.api.patch("/v2/accounts/me/billing", master.token(), "{\"city\":\"Re\\u0000no\"}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        var escapedBackslash = server.api.patch("/v2/accounts/me/billing", master.token(), "{\"city\":\"Re\\\\u0000no\"}");
        assertThat(escapedBackslash.json().get("message").asText())
                .as("a literal backslash-u0000 text is not a NUL; the contact rules refuse the backslash instead")
                .isEqualTo("Your request was not accepted because \"city\" contains special character(s).");
    }

    @Test
    void a_csv_upload_with_a_nul_is_refused() {
        var deck = server.api.post("/api/v1/accounts/me/rate_decks", master.token(),
                "{\"name\":\"Nul\",\"currency\":\"USD\",\"precision\":4}").json().get("deck_id").asText();
        var upload = server.api.send("PUT", "/api/v1/accounts/me/rate_decks/" + deck + "/rates", master.token(), "text/csv",
                "prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,next_increment_s,free_seconds,"
                        + "charge_mode,currency,effective_from,effective_to\n1,U\u0000S,local,0.01,0,60,60,0,per_min,USD,,\n");
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.json().get("errors").get(0).get("message").asText()).isEqualTo("Must not contain NUL characters.");
        var users = server.api.send("POST", "/api/v1/accounts/me/users", master.token(), "text/csv",
                "name,email\nA\u0000,a@b.example\n");
        assertThat(users.status()).isEqualTo(400);
    }

    @Test
    void requests_jetty_refuses_are_answered_in_the_zoom_shape() {
        var longToken = "A".repeat(20_000);
        var response = server.api.get("/v2/phone/reports/call_charges?next_page_token=" + longToken, master.token());
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("{\"code\":414,\"message\":\"Request URI too long.\"}");
    }
}
