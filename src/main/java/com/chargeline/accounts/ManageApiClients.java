package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/** Creates API clients (the secret is shown once, then only its hash is kept) and checks credentials. */
public final class ManageApiClients {
    /** The longest label a client may have. */
    public static final int MAX_NAME = 100;
    private final Database db;
    private final Clock clock;

    public ManageApiClients(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new client and the one time its secret is visible. */
    public record NewClient(ApiClient client, String clientSecret) {
    }

    public NewClient create(AccountId accountId, Collection<String> requestedScopes, String name) {
        if (name != null && name.length() > MAX_NAME) {
            throw new com.chargeline.common.error.Invalid(com.chargeline.common.error.ErrorCode.VALIDATION_FAILED,
                    "Validation Failed.", java.util.Map.of(), java.util.List.of(new com.chargeline.common.error.FieldError(
                            "name", "At most " + MAX_NAME + " characters.")));
        }
        return db.inTransaction(h -> {
            var account = h.attach(AccountRepository.class).findById(accountId.value())
                    .orElseThrow(() -> AccountAccess.notFound(accountId.wire()));
            var scopes = ApiScopes.grantable(account, requestedScopes);
            var clientId = ClientSecrets.newClientId();
            var secret = ClientSecrets.newSecret();
            var salt = ClientSecrets.newSalt();
            var now = clock.instant();
            h.attach(ApiClientRepository.class).insert(accountId.value(), clientId, salt,
                    ClientSecrets.hash(salt, secret), scopes, name == null ? "" : name, now);
            return new NewClient(new ApiClient(accountId, clientId, scopes, name == null ? "" : name, now), secret);
        });
    }

    /** The client when {@code clientId} is live and {@code secret} is its secret. */
    public Optional<ApiClient> authenticate(String clientId, String secret) {
        return findActive(clientId)
                .filter(stored -> ClientSecrets.matches(stored.salt(), stored.hash(), secret))
                .map(ApiClientRepository.StoredClient::client);
    }

    /** The client when it is still live (not revoked); used to honour revocation for issued tokens. */
    public Optional<ApiClient> active(String clientId) {
        return findActive(clientId).map(ApiClientRepository.StoredClient::client);
    }

    /** Kept for existing callers; {@link RevokeApiClient} is the use case. */

    private Optional<ApiClientRepository.StoredClient> findActive(String clientId) {
        return db.withRepository(ApiClientRepository.class, r -> r.findActive(clientId));
    }
}
