package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Creates an API client: the secret is shown once, in the answer; only its salted hash is kept. */
public final class CreateApiClient {
    /** The longest label a client may have. */
    public static final int MAX_NAME = 100;
    private final Database db;
    private final Clock clock;

    public CreateApiClient(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new client and the one time its secret is visible. */
    public record NewClient(ApiClient client, String clientSecret) {
    }

    /** {@code requestedScopes} empty: the default scopes of the account's kind. */
    public NewClient create(AccountId accountId, Collection<String> requestedScopes, String name) {
        if (name != null && name.length() > MAX_NAME) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("name", "At most " + MAX_NAME + " characters.")));
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
}
