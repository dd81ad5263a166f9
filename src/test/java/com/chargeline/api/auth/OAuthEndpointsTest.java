package com.chargeline.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthEndpointsTest {
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("OAuth Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void issues_a_zoom_shaped_token_that_opens_the_api() {
        var response = server.api.token(master.id(), master.clientId(), master.secret());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("scope").asText()).contains("account:master", "billing:master");
        assertThat(body.get("api_url").asText()).isEqualTo(server.api.url(""));
        assertThat(body.get("access_token").asText()).startsWith("eyJ").contains(".");
        assertThat(server.api.get("/v2/accounts", body.get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void takes_the_parameters_from_a_form_body_too() {
        var response = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url("/oauth/token")))
                .header("Authorization", basic(master.clientId(), master.secret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=account_credentials&account_id=" + master.id())));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void answers_bad_credentials_and_requests_in_zooms_oauth_shape() {
        assertThat(server.api.token(master.id(), master.clientId(), "wrong").body())
                .isEqualTo("{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        assertThat(server.api.token(master.id(), "nobody", master.secret()).status()).isEqualTo(401);

        var unsupported = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url(
                        "/oauth/token?grant_type=client_credentials&account_id=" + master.id())))
                .header("Authorization", basic(master.clientId(), master.secret()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.body())
                .isEqualTo("{\"reason\":\"unsupported grant type\",\"error\":\"unsupported_grant_type\"}");

        var otherAccount = server.master("Someone Else");
        var mismatch = server.api.token(otherAccount.id(), master.clientId(), master.secret());
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("error").asText()).isEqualTo("invalid_request");

        var noAuth = server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url(
                        "/oauth/token?grant_type=account_credentials&account_id=" + master.id())))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noAuth.status()).isEqualTo(401);
    }

    @Test
    void refuses_expired_forged_and_revoked_tokens_with_124() {
        var tenant = server.sub(master, "Token Sub", PayMode.MASTER);
        var expected = "{\"code\":124,\"message\":\"Invalid access token.\"}";

        var forged = tenant.token().substring(0, tenant.token().lastIndexOf('.') + 1) + "AAAA";
        assertThat(server.api.get("/v2/accounts/me", forged).body()).isEqualTo(expected);

        var otherKey = new AccessTokens(new byte[64], server.clock).issue(
                server.app.wiring().apiClientQueries.active(tenant.clientId()).orElseThrow()).token();
        assertThat(server.api.get("/v2/accounts/me", otherKey).body()).isEqualTo(expected);

        server.clock.advance(Duration.ofMinutes(61));
        try {
            assertThat(server.api.get("/v2/accounts/me", tenant.token()).body()).isEqualTo(expected);
        } finally {
            server.clock.advance(Duration.ofMinutes(-61));
        }
        assertThat(server.api.get("/v2/accounts/me", tenant.token()).status()).isEqualTo(200);

        server.app.wiring().revokeApiClient.revoke(tenant.account().id(), tenant.clientId());
        assertThat(server.api.get("/v2/accounts/me", tenant.token()).body()).isEqualTo(expected);
    }
}
