package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of API clients: a presented secret checked against its hash, whether a client is live, a listing. */
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

    /** The client when {@code clientId} is live and {@code secret} is its secret. */
    public Optional<ApiClient> authenticate(String clientId, String secret) {
        return findActive(clientId)
                .filter(stored -> ClientSecrets.matches(stored.salt(), stored.hash(), secret))
                .map(ApiClientRepository.StoredClient::client);
    }

    /** The client when it is still live (not revoked): bearer checks ask this on every request. */
    public Optional<ApiClient> active(String clientId) {
        return findActive(clientId).map(ApiClientRepository.StoredClient::client);
    }

    private Optional<ApiClientRepository.StoredClient> findActive(String clientId) {
        return db.withRepository(ApiClientRepository.class, r -> r.findActive(clientId));
    }

    /** Every client of the account, revoked ones too, ordered by created_at then client_id. */
    public List<Listed> list(AccountId accountId) {
        return db.withRepository(ApiClientRepository.class, r -> r.listForAccount(accountId.value()));
    }
}
