package com.chargeline.api.auth;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Unauthorized;
import com.chargeline.common.id.AccountId;
import java.util.Set;

/** The authenticated caller of a request: the token's account, client and scopes. */
public record Caller(AccountId accountId, String clientId, Set<String> scopes) {
    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Checks that the token holds the operation's macro scope or one of its granular scopes
     * (Zoom: 401 / 4711 naming the scopes that would do).
     */
    public Caller require(Operation operation) {
        for (var scope : operation.scopes()) {
            if (scopes.contains(scope)) {
                return this;
            }
        }
        var names = String.join(", ", operation.scopes());
        throw new Unauthorized(ErrorCode.MISSING_SCOPE, "Invalid access token, does not contain scopes:[" + names + "].",
                java.util.Map.of("scopes", names));
    }
}
