package com.chargeline.api.auth;

import com.chargeline.accounts.ApiClientQueries;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Unauthorized;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Authenticates {@code Authorization: Bearer <token>} for every Zoom-family request: the signature
 * and expiry of the JWT, and that its client has not been revoked since. Anything else is
 * Zoom's 401 / 124 {@code Invalid access token.}
 */
public final class BearerAuth {
    private static final String CALLER = "chargeline.caller";
    private final AccessTokens tokens;
    private final ApiClientQueries clients;

    public BearerAuth(AccessTokens tokens, ApiClientQueries clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    public void authenticate(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw invalid();
        }
        var caller = tokens.verify(header.substring(7).strip())
                .filter(c -> clients.active(c.clientId()).map(client -> client.accountId().equals(c.accountId())).orElse(false))
                .orElseThrow(BearerAuth::invalid);
        ctx.attribute(CALLER, caller);
    }

    /** The caller that {@link #authenticate} put on the request, checked against the operation's scopes. */
    public static Caller caller(Context ctx, Operation operation) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw invalid();
        }
        return caller.require(operation);
    }

    /** The caller {@link #authenticate} found, or null (not a bearer-authenticated request, or not yet). */
    public static Caller authenticated(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private static Unauthorized invalid() {
        return new Unauthorized(ErrorCode.INVALID_TOKEN, "Invalid access token.");
    }
}
