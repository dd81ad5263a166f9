package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Map;

/**
 * Revokes an account's API client: it can no longer obtain tokens, and the tokens it was issued
 * stop working (bearer checks ask whether the client is still active). Revoking twice is a no-op.
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

    private static NotFound notFound(String clientId) {
        return new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "API client does not exist: " + clientId + ".", Map.of("id", clientId));
    }
}
