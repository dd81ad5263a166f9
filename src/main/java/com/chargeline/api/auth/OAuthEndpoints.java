package com.chargeline.api.auth;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.ApiClientQueries;
import com.chargeline.common.id.AccountId;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Zoom Server-to-Server OAuth: {@code POST /oauth/token} with {@code grant_type=account_credentials}
 * and {@code account_id}, in the query string or a form body, and HTTP Basic client credentials.
 * Errors take Zoom's OAuth shape {@code {"reason", "error"}}.
 *
 * <p>A form body (without a query-string {@code grant_type}) whose {@code grant_type} is {@code client_credentials}
 * is Talkdesk's grant instead ({@link ClientCredentialsGrant}, errors in RFC 6749's {@code {"error",
 * "error_description"}}); so is a JSON body naming it, refused as RFC 6749 asks for a form body. Every other request,
 * a query-string {@code client_credentials}, an unknown or absent grant type included, is Zoom's as before.
 */
public final class OAuthEndpoints implements EndpointGroup {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final ApiClientQueries clients;
    private final AccessTokens tokens;
    private final String publicBaseUrl;
    private final ClientCredentialsGrant clientCredentials;

    public OAuthEndpoints(ApiClientQueries clients, AccessTokens tokens, String publicBaseUrl) {
        this.clients = clients;
        this.tokens = tokens;
        this.publicBaseUrl = publicBaseUrl;
        this.clientCredentials = new ClientCredentialsGrant(clients, tokens);
    }

    /** A token-endpoint failure: HTTP status, OAuth error name and Zoom's reason text. */
    public static final class OAuthError extends RuntimeException {
        private final int status;
        private final String error;

        public OAuthError(int status, String error, String reason) {
            super(reason, null, false, false);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    /** Zoom's OAuth error body, in Zoom's field order. */
    public record ErrorBody(String reason, String error) {
    }

    /** The success body. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope, String apiUrl) {
    }

    @Override
    public void addEndpoints() {
        post("/oauth/token", this::token);
    }

    private void token(Context ctx) {
        if (ctx.queryParam("grant_type") == null) {
            if (isForm(ctx) && ClientCredentialsGrant.GRANT.equals(strip(ctx.formParam("grant_type")))) {
                clientCredentials.token(ctx);
                return;
            }
            if (namesClientCredentialsInJson(ctx)) {
                throw ClientCredentialsGrant.jsonBody();
            }
        }
        var grantType = param(ctx, "grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw new OAuthError(400, "invalid_request", "Missing grant type");
        }
        if (!grantType.equals("account_credentials")) {
            throw new OAuthError(400, "unsupported_grant_type", "unsupported grant type");
        }
        var credentials = basicCredentials(ctx);
        var client = clients.authenticate(credentials[0], credentials[1])
                .orElseThrow(OAuthEndpoints::invalidClient);
        var accountId = param(ctx, "account_id");
        if (accountId == null || accountId.isEmpty()) {
            throw new OAuthError(400, "invalid_request", "Missing account_id");
        }
        if (!AccountId.parse(accountId).map(client.accountId()::equals).orElse(false)) {
            throw new OAuthError(400, "invalid_request", "Invalid account_id");
        }
        var issued = tokens.issue(client);
        ctx.header("Cache-Control", "no-store");
        ctx.json(new TokenResponse(issued.token(), "bearer", AccessTokens.LIFETIME.toSeconds(),
                String.join(" ", client.scopes()), apiUrl(ctx)));
    }

    private String apiUrl(Context ctx) {
        if (publicBaseUrl != null) {
            return publicBaseUrl;
        }
        var host = ctx.host();
        return ctx.scheme() + "://" + (host == null ? "localhost" : host);
    }

    /** A parameter from the query string or, for a form post, the body. */
    private static String param(Context ctx, String name) {
        var value = ctx.queryParam(name);
        if (value == null && isForm(ctx)) {
            value = ctx.formParam(name);
        }
        return strip(value);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean isForm(Context ctx) {
        var type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A JSON object body whose {@code grant_type} is {@code client_credentials} (anything unreadable is not). */
    private static boolean namesClientCredentialsInJson(Context ctx) {
        var type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return false;
        }
        try {
            var node = JSON.readTree(ctx.body());
            return node != null && ClientCredentialsGrant.GRANT.equals(node.path("grant_type").asText(null));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String[] basicCredentials(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw invalidClient();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw invalidClient();
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Invalid client_id or client_secret");
    }
}
