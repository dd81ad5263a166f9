package com.chargeline.usage.rating;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of an owner's rate decks, and a deck's current call rates as CSV. */
public final class RateDeckQueries {
    private final Database db;
    private final PriceLists priceLists;

    public RateDeckQueries(Database db, PriceLists priceLists) {
        this.db = db;
        this.priceLists = priceLists;
    }

    public List<RateDeckRepository.DeckRow> list(AccountId owner) {
        return db.withRepository(RateDeckRepository.class, r -> r.list(owner.value()));
    }

    public RateDeckRepository.DeckRow deck(AccountId owner, UUID deckId) {
        return db.withRepository(RateDeckRepository.class, r -> r.find(owner.value(), deckId))
                .orElseThrow(() -> deckNotFound(deckId));
    }

    /** The current version's call rates as CSV. */
    public String export(AccountId owner, UUID deckId) {
        var deck = deck(owner, deckId);
        var out = new StringWriter();
        var rates = deck.currentVersion() == 0 ? List.<Rate>of()
                : priceLists.load(deck.deckId(), deck.currentVersion()).calls().rates();
        DeckCsv.writeRates(rates, deck.currency(), out);
        return out.toString();
    }

    public static NotFound deckNotFound(Object deckId) {
        return new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "Rate deck does not exist: " + deckId + ".",
                Map.of("id", String.valueOf(deckId)));
    }
}
