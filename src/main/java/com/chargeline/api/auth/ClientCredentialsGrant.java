package com.chargeline.api.auth;

import com.chargeline.accounts.ApiClient;
import com.chargeline.accounts.ApiClientQueries;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 6749 §4.4 client-credentials grant of {@code POST /oauth/token}, as Talkdesk's token service serves it:
 * {@code grant_type=client_credentials} and an optional space-separated {@code scope} in an
 * {@code application/x-www-form-urlencoded} body, the client authenticated with HTTP Basic. The clients are the same
 * API clients as Zoom's grant uses; a token stands for the client's account (for a master: the master and its sub
 * accounts). Errors take the RFC 6749 §5.2 shape {@code {"error", "error_description"}}.
 */
public final class ClientCredentialsGrant {
    public static final String GRANT = "client_credentials";
    private final ApiClientQueries clients;
    private final AccessTokens tokens;

    public ClientCredentialsGrant(ApiClientQueries clients, AccessTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    /** A token-endpoint failure of this grant: HTTP status, RFC 6749 error name and description. */
    public static final class TokenError extends RuntimeException {
        private final int status;
        private final String error;

        public TokenError(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }

        public ErrorBody body() {
            return new ErrorBody(error, getMessage());
        }
    }

    /** RFC 6749 §5.2's error body. */
    public record ErrorBody(String error, String errorDescription) {
    }

    /** RFC 6749 §5.1's success body: {@code scope} is the granted scopes, space-separated. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
    }

    /** Answers a form-body token request whose {@code grant_type} is {@code client_credentials}. */
    void token(Context ctx) {
        for (var name : List.of("grant_type", "scope")) {
            if (ctx.formParams(name).size() > 1) {
                throw new TokenError(400, "invalid_request", "The parameter " + name + " is repeated.");
            }
        }
        var client = authenticate(ctx);
        var granted = granted(client, ctx.formParam("scope"));
        var issued = tokens.issue(client, granted);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.json(new TokenResponse(issued.token(), "Bearer", AccessTokens.LIFETIME.toSeconds(), String.join(" ", granted)));
    }

    /** A JSON body naming this grant: RFC 6749 token requests are form-encoded. */
    static TokenError jsonBody() {
        return new TokenError(400, "invalid_request",
                "The token request must be sent as application/x-www-form-urlencoded.");
    }

    /** The requested scopes when every one is the client's (none requested: all the client's), in the client's order. */
    private static List<String> granted(ApiClient client, String scope) {
        if (scope == null || scope.isBlank()) {
            return client.scopes();
        }
        var requested = new LinkedHashSet<>(List.of(scope.strip().split(" +")));
        var missing = new ArrayList<String>();
        for (var name : requested) {
            if (!client.scopes().contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new TokenError(400, "invalid_scope", "The client may not request the scope: " + String.join(" ", missing) + ".");
        }
        return client.scopes().stream().filter(requested::contains).toList();
    }

    private ApiClient authenticate(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw invalidClient(ctx, "Client authentication failed: send the client id and secret with HTTP Basic.");
        }
        var credentials = decode(header.substring(6).strip());
        if (credentials.isEmpty()) {
            throw invalidClient(ctx, "Client authentication failed: the Basic credentials are malformed.");
        }
        var pair = credentials.get();
        return clients.authenticate(pair.get(0), pair.get(1))
                .orElseThrow(() -> invalidClient(ctx, "Client authentication failed."));
    }

    /** {@code client_id:client_secret} from the Basic token, when it is base64 with a colon after a non-empty id. */
    private static Optional<List<String>> decode(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(List.of(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** RFC 6749 §5.2: a failed Basic authentication is 401 with the scheme the client should use. */
    private static TokenError invalidClient(Context ctx, String description) {
        ctx.header("WWW-Authenticate", "Basic realm=\"chargeline\"");
        return new TokenError(401, "invalid_client", description);
    }
}
