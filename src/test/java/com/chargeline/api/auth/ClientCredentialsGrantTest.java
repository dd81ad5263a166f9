package com.chargeline.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.CreateApiClient;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {
    static TestServer server;
    static TestServer.Tenant master;
    static CreateApiClient.NewClient talkdesk;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Talkdesk Org");
        talkdesk = server.app.wiring().createApiClient.create(master.account().id(),
                List.of(ApiScopes.TALKDESK_USAGE_READ, "billing:master"), "talkdesk");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Api.Response form(String authorization, String body) {
        var request = HttpRequest.newBuilder(URI.create(server.api.url("/oauth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.api.raw(request);
    }

    private static String clientAuth() {
        return basic(talkdesk.client().clientId(), talkdesk.clientSecret());
    }

    @Test
    void grants_every_scope_of_the_client_when_none_is_asked_for() {
        var response = form(clientAuth(), "grant_type=client_credentials");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var body = response.json();
        var names = new java.util.ArrayList<String>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("access_token", "token_type", "expires_in", "scope");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("scope").asText()).isEqualTo(String.join(" ", talkdesk.client().scopes()));
        var verified = server.app.wiring().accessTokens.verify(body.get("access_token").asText()).orElseThrow();
        assertThat(verified.scopes()).containsExactlyInAnyOrderElementsOf(talkdesk.client().scopes());
        assertThat(verified.accountId()).isEqualTo(master.account().id());
    }

    @Test
    void grants_and_echoes_only_the_requested_scopes() {
        var response = form(clientAuth(), "grant_type=client_credentials&scope=express-accounts-usage%3Aread");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("scope").asText()).isEqualTo("express-accounts-usage:read");
        var token = response.json().get("access_token").asText();
        assertThat(server.app.wiring().accessTokens.verify(token).orElseThrow().scopes())
                .containsExactly("express-accounts-usage:read");
        assertThat(server.api.get("/v2/accounts", token).json().get("code").asInt())
                .as("a token narrowed to the Talkdesk scope does not open the Zoom API").isEqualTo(4711);
    }

    @Test
    void a_client_created_through_the_native_api_can_hold_the_talkdesk_scope() {
        var sub = server.sub(master, "Talkdesk Sub", com.chargeline.accounts.PayMode.MASTER);
        var created = server.api.post("/api/v1/accounts/" + sub.id() + "/api_clients", master.token(),
                "{\"name\":\"talkdesk\",\"scopes\":[\"express-accounts-usage:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var response = form(basic(created.json().get("client_id").asText(), created.json().get("client_secret").asText()),
                "grant_type=client_credentials&scope=express-accounts-usage:read");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("scope").asText()).isEqualTo("express-accounts-usage:read");
    }

    @Test
    void refuses_a_scope_the_client_does_not_hold() {
        var response = form(clientAuth(), "grant_type=client_credentials&scope=express-accounts-usage:read+account:master");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_scope\","
                + "\"error_description\":\"The client may not request the scope: account:master.\"}");
    }

    @Test
    void refuses_bad_client_authentication_with_401_and_a_basic_challenge() {
        var wrong = form(basic(talkdesk.client().clientId(), "wrong"), "grant_type=client_credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"chargeline\"");
        assertThat(wrong.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}");

        assertThat(form(basic("nobody", "x"), "grant_type=client_credentials").body())
                .isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}");

        var missing = form(null, "grant_type=client_credentials");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":"
                + "\"Client authentication failed: send the client id and secret with HTTP Basic.\"}");

        for (var malformed : List.of("Basic !!!not-base64", "Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)), "Basic " + Base64.getEncoder().encodeToString(
                ":secret".getBytes(StandardCharsets.UTF_8)))) {
            var response = form(malformed, "grant_type=client_credentials");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"Client authentication failed: the Basic credentials are malformed.\"}");
        }
    }

    @Test
    void refuses_a_revoked_client() {
        var client = server.app.wiring().createApiClient.create(master.account().id(),
                List.of(ApiScopes.TALKDESK_USAGE_READ), "revoked");
        var auth = basic(client.client().clientId(), client.clientSecret());
        assertThat(form(auth, "grant_type=client_credentials").status()).isEqualTo(200);

        server.app.wiring().revokeApiClient.revoke(master.account().id(), client.client().clientId());

        var response = form(auth, "grant_type=client_credentials");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}");
    }

    @Test
    void refuses_repeated_parameters() {
        var response = form(clientAuth(), "grant_type=client_credentials&scope=a&scope=b");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"invalid_request\",\"error_description\":\"The parameter scope is repeated.\"}");
    }

    @Test
    void refuses_a_json_body_asking_for_the_grant() {
        var response = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url("/oauth/token")))
                .header("Authorization", clientAuth())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
                + "\"The token request must be sent as application/x-www-form-urlencoded.\"}");
    }

    @Test
    void leaves_zooms_grant_and_its_errors_as_they_were() {
        var zoom = server.api.token(master.id(), talkdesk.client().clientId(), talkdesk.clientSecret());
        assertThat(zoom.status()).isEqualTo(200);
        assertThat(zoom.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(zoom.json().has("api_url")).isTrue();

        var inQuery = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url(
                        "/oauth/token?grant_type=client_credentials")))
                .header("Authorization", clientAuth())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(inQuery.body()).as("the grant is read from a form body only, as RFC 6749 §4.4.2 sends it")
                .isEqualTo("{\"reason\":\"unsupported grant type\",\"error\":\"unsupported_grant_type\"}");

        assertThat(form(clientAuth(), "grant_type=password").body())
                .isEqualTo("{\"reason\":\"unsupported grant type\",\"error\":\"unsupported_grant_type\"}");
        assertThat(form(clientAuth(), "scope=x").body())
                .isEqualTo("{\"reason\":\"Missing grant type\",\"error\":\"invalid_request\"}");
    }
}
