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
    private static final String ADMISSION = "chargeline.admission";
    private static final String BASE_PLANS = "chargeline.basePlans";
    private final AccessTokens tokens;
    private final ApiClientQueries clients;
    private final Admission admission;

    public BearerAuth(AccessTokens tokens, ApiClientQueries clients) {
        this(tokens, clients, Admission.NONE);
    }

    /** Authenticates, and has {@code admission} admit each request of a client the rate limits apply to. */
    public BearerAuth(AccessTokens tokens, ApiClientQueries clients, Admission admission) {
        this.tokens = tokens;
        this.clients = clients;
        this.admission = admission;
    }

    public void authenticate(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw invalid();
        }
        var verified = tokens.verify(header.substring(7).strip()).orElseThrow(BearerAuth::invalid);
        var active = clients.activeWithBasePlans(verified.clientId())
                .filter(c -> c.client().accountId().equals(verified.accountId()))
                .orElseThrow(BearerAuth::invalid);
        ctx.attribute(CALLER, verified);
        if (active.client().rateLimited()) {
            ctx.attribute(ADMISSION, admission);
            ctx.attribute(BASE_PLANS, active.basePlans());
        }
    }

    /**
     * The caller that {@link #authenticate} put on the request, checked against the operation's scopes, and then
     * admitted under the operation's rate limit (once per request; a 429 is thrown from here).
     */
    public static Caller caller(Context ctx, Operation operation) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw invalid();
        }
        caller.require(operation);
        Admission admission = ctx.attribute(ADMISSION);
        if (admission != null) {
            ctx.attribute(ADMISSION, null);
            admission.admit(ctx, caller, operation);
        }
        return caller;
    }

    /**
     * The active base plans of the caller's account, read with its client on this request (the rate limits' plan
     * tier), or null when {@link #authenticate} did not read them.
     */
    public static java.util.List<String> basePlans(Context ctx) {
        return ctx.attribute(BASE_PLANS);
    }

    /** The caller {@link #authenticate} found, or null (not a bearer-authenticated request, or not yet). */
    public static Caller authenticated(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private static Unauthorized invalid() {
        return new Unauthorized(ErrorCode.INVALID_TOKEN, "Invalid access token.");
    }
}
