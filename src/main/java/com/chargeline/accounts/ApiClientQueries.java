package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Instant;
import java.util.List;

/** Reads of an account's API clients (never their secrets). */
public final class ApiClientQueries {
    private final Database db;

    public ApiClientQueries(Database db) {
        this.db = db;
    }

    /** A client as listed: {@code revokedAt} is null while it is active. */
    public record Listed(String clientId, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {
        public Listed {
            scopes = List.copyOf(scopes);
        }

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** Every client of the account, revoked ones too, ordered by created_at then client_id. */
    public List<Listed> list(AccountId accountId) {
        return db.withRepository(ApiClientRepository.class, r -> r.listForAccount(accountId.value()));
    }
}
