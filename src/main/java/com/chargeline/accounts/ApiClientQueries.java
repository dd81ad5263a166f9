package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** Reads of API clients: a presented secret checked against its hash, whether a client is live, a listing. */
public final class ApiClientQueries {
    private static final String FIND_ACTIVE = ClasspathSqlLocator.removingComments()
            .locate(ApiClientRepository.class, "findActive");
    private static final ApiClientRepository.StoredClientMapper STORED = new ApiClientRepository.StoredClientMapper();
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

    /** The client when it is still live (not revoked). */
    public Optional<ApiClient> active(String clientId) {
        return findActive(clientId).map(ApiClientRepository.StoredClient::client);
    }

    /** A live client and its account's active base plans (the rate limits' plan tier). */
    public record Active(ApiClient client, List<String> basePlans) {
        public Active {
            basePlans = List.copyOf(basePlans);
        }
    }

    /** {@link #active}, with the account's active base plans read in the same statement: bearer checks ask this. */
    public Optional<Active> activeWithBasePlans(String clientId) {
        return findActive(clientId).map(stored -> new Active(stored.client(), stored.basePlans()));
    }

    private Optional<ApiClientRepository.StoredClient> findActive(String clientId) {
        // run on the handle, not through the repository's proxy: every authenticated request asks this, and the
        // proxy's per-call attach and configuration copy cost about as much as the query (docs/BENCHMARKS.md)
        return db.withHandle(h -> h.createQuery(FIND_ACTIVE).bind("clientId", clientId).map(STORED).findOne());
    }

    /** Every client of the account, revoked ones too, ordered by created_at then client_id. */
    public List<Listed> list(AccountId accountId) {
        return db.withRepository(ApiClientRepository.class, r -> r.listForAccount(accountId.value()));
    }
}
