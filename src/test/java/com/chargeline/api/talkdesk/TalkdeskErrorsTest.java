package com.chargeline.api.talkdesk;

import static io.javalin.apibuilder.ApiBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.PayMode;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.testing.TestServer;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Talkdesk family's error shape end to end, through test-only endpoints under {@code /express/test} that check the
 * Talkdesk scope and the organization as the real Talkdesk endpoints do.
 */
class TalkdeskErrorsTest {
    static TestServer server;
    static TestServer.Tenant master;
    static TestServer.Tenant sub;
    static String token;

    /** Test-only endpoints: an account of the organization, a validated parameter, a programming error. */
    static final EndpointGroup PROBES = () -> {
        get("/express/test/accounts/{accountId}", ctx -> {
            var caller = BearerAuth.caller(ctx, TalkdeskOperations.USAGE_MONTH);
            var account = new TalkdeskOrganization(server.app.wiring().access)
                    .resolve(caller.accountId(), ctx.pathParam("accountId"));
            ctx.json(Map.of("id", account.id().wire()));
        });
        get("/express/test/validate", ctx -> {
            BearerAuth.caller(ctx, TalkdeskOperations.USAGE_MONTH);
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Invalid filter expression", Map.of(),
                    List.of(new FieldError("filter", "unsupported operator 'like'")));
        });
        get("/express/test/boom", ctx -> {
            throw new IllegalStateException("secret internals");
        });
    };

    @BeforeAll
    static void start() {
        server = new TestServer(List.of(PROBES));
        master = server.master("Talkdesk Errors Org");
        sub = server.sub(master, "Talkdesk Errors Sub", PayMode.MASTER);
        token = server.tokenWithScopes(master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_token_with_the_scope_reaches_the_organization() {
        assertThat(server.api.get("/express/test/accounts/" + master.id(), token).body())
                .isEqualTo("{\"id\":\"" + master.id() + "\"}");
        assertThat(server.api.get("/express/test/accounts/" + sub.id(), token).status()).isEqualTo(200);
    }

    @Test
    void a_missing_malformed_expired_or_revoked_token_is_401() {
        var expected = "{\"code\":\"0401001\",\"message\":\"Unauthorized\","
                + "\"description\":\"Missing, malformed, expired or revoked access token.\",\"fields\":[]}";
        var none = server.api.get("/express/usage/month", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/json");
        assertThat(none.body()).as("before the endpoint exists, authentication answers first").isEqualTo(expected);
        assertThat(server.api.get("/express/test/accounts/" + master.id(), "not-a-jwt").body()).isEqualTo(expected);

        var revocable = server.master("Revoked Org");
        var revokedToken = server.tokenWithScopes(revocable.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
        var clientId = server.app.wiring().accessTokens.verify(revokedToken).orElseThrow().clientId();
        server.app.wiring().revokeApiClient.revoke(revocable.account().id(), clientId);
        assertThat(server.api.get("/express/test/accounts/" + revocable.id(), revokedToken).body()).isEqualTo(expected);

        server.clock.advance(Duration.ofMinutes(61));
        try {
            assertThat(server.api.get("/express/test/accounts/" + master.id(), token).body()).isEqualTo(expected);
        } finally {
            server.clock.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void a_token_without_the_scope_is_403() {
        var response = server.api.get("/express/test/accounts/" + master.id(), master.token());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"code\":\"0403001\",\"message\":\"Forbidden\",\"description\":"
                + "\"The access token does not contain the scope express-accounts-usage:read.\",\"fields\":[]}");
    }

    @Test
    void an_account_outside_the_organization_is_403_whether_it_exists_or_not() {
        var other = server.master("Other Org");
        for (var id : List.of(other.id(), "nonexistent", "me")) {
            var response = server.api.get("/express/test/accounts/" + id, token);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"code\":\"0403002\",\"message\":\"Forbidden\",\"description\":"
                    + "\"The account " + id + " is not under the organization.\",\"fields\":[{\"name\":\"account_id\","
                    + "\"description\":\"not under the organization\"}]}");
        }
        var subToken = server.tokenWithScopes(sub.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
        assertThat(server.api.get("/express/test/accounts/" + master.id(), subToken).json().get("code").asText())
                .as("a sub account's organization is itself").isEqualTo("0403002");
    }

    @Test
    void a_validation_error_is_400_naming_the_parameter() {
        var response = server.api.get("/express/test/validate", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":\"0400001\",\"message\":\"Bad Request\",\"description\":"
                + "\"Invalid filter expression\",\"fields\":[{\"name\":\"filter\",\"description\":\"unsupported operator 'like'\"}]}");
    }

    @Test
    void a_nul_in_a_query_parameter_is_400_naming_it() {
        var response = server.api.get("/express/test/validate?filter=%00", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("0400001");
        assertThat(response.json().get("fields").get(0).get("name").asText()).isEqualTo("filter");
    }

    @Test
    void an_unknown_path_is_404_and_a_wrong_method_405() {
        var unknown = server.api.get("/express/nope", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"code\":\"0404001\",\"message\":\"Not Found\","
                + "\"description\":\"No such endpoint: GET /express/nope.\",\"fields\":[]}");

        var wrongMethod = server.api.send("DELETE", "/express/test/validate", token, null, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"code\":\"0405001\",\"message\":\"Method Not Allowed\","
                + "\"description\":\"Method DELETE is not allowed on /express/test/validate.\",\"fields\":[]}");
    }

    @Test
    void an_internal_error_is_500_without_a_stack_trace() {
        var response = server.api.get("/express/test/boom", token);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"code\":\"0500001\",\"message\":\"Internal Server Error\","
                + "\"description\":\"Internal server error. Request id: " + response.header("X-Request-Id")
                + ".\",\"fields\":[]}");
    }

    @Test
    void requests_jetty_refuses_with_the_path_read_are_answered_in_the_talkdesk_shape() {
        var tooLarge = server.api.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                server.api.url("/express/usage/month"))).header("X-Padding", "A".repeat(20_000)).GET());
        assertThat(tooLarge.status()).isEqualTo(431);
        assertThat(tooLarge.body()).isEqualTo("{\"code\":\"0431001\",\"message\":\"Client Error\","
                + "\"description\":\"Request headers too large.\",\"fields\":[]}");

        var tooLong = server.api.get("/express/usage/month?filter=" + "A".repeat(20_000), token);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.body()).as("Jetty has not read the path of a URI it refuses: the server-wide shape")
                .isEqualTo("{\"code\":414,\"message\":\"Request URI too long.\"}");
    }

    @Test
    void the_zoom_family_keeps_its_own_shape() {
        assertThat(server.api.get("/v2/accounts/me", token).body())
                .isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:"
                        + "[account:master, account:read:sub_account:master, account:read:sub_account:admin].\"}");
    }
}
