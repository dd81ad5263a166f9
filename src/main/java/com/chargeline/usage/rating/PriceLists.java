package com.chargeline.usage.rating;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled deck versions, kept in memory by deck id and version: a version never changes once
 * written, so an entry never goes stale. A new version or another assigned deck is seen at once,
 * because {@link #priceListFor} reads the account's deck and its current version on every call.
 */
public final class PriceLists {
    private final Database db;
    private final Map<Key, PriceList> compiled = new ConcurrentHashMap<>();

    private record Key(UUID deckId, int version) {
    }

    public PriceLists(Database db) {
        this.db = db;
    }

    /** The price list for an account's usage: its deck's current version, if it has one. */
    public Optional<PriceList> priceListFor(AccountId account) {
        return db.withRepository(RateDeckRepository.class, repo -> repo.deckFor(account.value()).flatMap(repo::findById))
                .filter(d -> d.currentVersion() > 0)
                .map(d -> load(d.deckId(), d.currentVersion()));
    }

    /** A compiled deck version, from memory after its first load. */
    public PriceList load(UUID deckId, int version) {
        return compiled.computeIfAbsent(new Key(deckId, version), key -> db.withHandle(h -> {
            var repo = h.attach(RateDeckRepository.class);
            var deck = repo.findById(deckId).orElseThrow(() -> RateDeckQueries.deckNotFound(deckId));
            var info = new RateDeck.Info(deckId, version, deck.name(), Currency.getInstance(deck.currency()), deck.precision());
            var calls = RateDeck.compile(info, repo.rates(deck.accountId(), deckId, version));
            var sms = new HashMap<SmsRates.Key, Long>();
            repo.smsRates(deck.accountId(), deckId, version).forEach(e -> sms.put(e.getKey(), e.getValue()));
            return new PriceList(calls, new SmsRates(sms));
        }));
    }
}
