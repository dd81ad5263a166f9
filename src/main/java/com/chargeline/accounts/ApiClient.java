package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import java.time.Instant;
import java.util.List;

/**
 * A Server-to-Server OAuth client of an account, the scopes its tokens carry, and whether the API's rate limits apply
 * to it (they do unless an operator exempted it).
 */
public record ApiClient(AccountId accountId, String clientId, List<String> scopes, String name, Instant createdAt,
                        boolean rateLimited) {
    public ApiClient {
        scopes = List.copyOf(scopes);
    }

    /** A client the rate limits apply to. */
    public ApiClient(AccountId accountId, String clientId, List<String> scopes, String name, Instant createdAt) {
        this(accountId, clientId, scopes, name, createdAt, true);
    }
}
