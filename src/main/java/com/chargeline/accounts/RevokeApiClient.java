package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Map;

/**
 * Revokes an account's API client: it can no longer obtain tokens, and the tokens it was issued
 * stop working (bearer checks ask whether the client is still active). Revoking twice is a no-op. Also the
 * operator's other switch on a client: whether the rate limits apply to it.
 */
public final class RevokeApiClient {
    private final Database db;
    private final Clock clock;

    public RevokeApiClient(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True when this call revoked the client, false when it already was revoked. */
    public boolean revoke(AccountId accountId, String clientId) {
        return db.inTransaction(h -> {
            var repo = h.attach(ApiClientRepository.class);
            if (repo.revoke(accountId.value(), clientId, clock.instant()) > 0) {
                return true;
            }
            if (repo.isRevoked(accountId.value(), clientId).isEmpty()) {
                throw notFound(clientId);
            }
            return false;
        });
    }

    /**
     * Applies the rate limits to the client again ({@code true}) or exempts it from them ({@code false}); revoked
     * clients too, so the setting stays as it was if the client is ever listed.
     */
    public void setRateLimited(AccountId accountId, String clientId, boolean rateLimited) {
        if (db.withRepository(ApiClientRepository.class,
                r -> r.setRateLimited(accountId.value(), clientId, rateLimited)) == 0) {
            throw notFound(clientId);
        }
    }

    private static NotFound notFound(String clientId) {
        return new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "API client does not exist: " + clientId + ".", Map.of("id", clientId));
    }
}
