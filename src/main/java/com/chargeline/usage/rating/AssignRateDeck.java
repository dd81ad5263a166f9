package com.chargeline.usage.rating;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes a deck price an account's usage (replacing any deck it had). The next {@link PriceLists#priceListFor}
 * of the account reads the new assignment.
 */
public final class AssignRateDeck {
    private final Database db;
    private final Clock clock;

    public AssignRateDeck(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Makes {@code deckId} (owned by {@code owner}) price {@code account}'s usage. */
    public void assign(AccountId owner, AccountId account, UUID deckId) {
        db.inTransaction(h -> {
            var repo = h.attach(RateDeckRepository.class);
            if (repo.find(owner.value(), deckId).isEmpty()) {
                throw RateDeckQueries.deckNotFound(deckId);
            }
            repo.assign(account.value(), deckId, clock.instant());
            return null;
        });
    }
}
