package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import java.time.Instant;
import java.util.List;

/** A Server-to-Server OAuth client of an account and the scopes its tokens carry. */
public record ApiClient(AccountId accountId, String clientId, List<String> scopes, String name, Instant createdAt) {
    public ApiClient {
        scopes = List.copyOf(scopes);
    }
}
