package com.chargeline.usage.rating;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.Database;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Imports a CSV of call rates or of SMS/MMS rates as a new version of a deck (rows written with COPY;
 * the other kind carries over from the current version) and makes it current. The next
 * {@link PriceLists#priceListFor} of an account priced by the deck reads the new version.
 */
public final class ImportRates {
    private static final String RATE_COLUMNS = "account_id, deck_id, version, row_no, prefix, destination, call_type, "
            + "rate_per_min, per_call_fee, first_increment_s, next_increment_s, free_seconds, charge_mode, currency, "
            + "effective_from, effective_to";
    private static final String SMS_RATE_COLUMNS = "account_id, deck_id, version, country, message_type, direction, "
            + "rate_per_segment, currency";

    private final Database db;
    private final Clock clock;

    public ImportRates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Imports call rates as a new version (SMS rates carry over); returns the version. */
    public int calls(AccountId owner, UUID deckId, Reader csv) {
        var deck = deck(owner, deckId);
        var rates = DeckCsv.parseRates(csv, deck.currency());
        return newVersion(owner, deck, (h, version) -> {
            copyRates(h, owner, deck, version, rates);
            h.attach(RateDeckRepository.class).copySmsRates(owner.value(), deckId, deck.currentVersion(), version);
            return rates.size();
        });
    }

    /** Imports SMS/MMS rates as a new version (call rates carry over); returns the version. */
    public int sms(AccountId owner, UUID deckId, Reader csv) {
        var deck = deck(owner, deckId);
        var rates = DeckCsv.parseSmsRates(csv, deck.currency());
        return newVersion(owner, deck, (h, version) -> {
            copySmsRates(h, owner, deck, version, rates);
            var repo = h.attach(RateDeckRepository.class);
            if (deck.currentVersion() > 0) {
                repo.copyRates(owner.value(), deckId, deck.currentVersion(), version);
            }
            return repo.countRates(owner.value(), deckId, version);
        });
    }

    private RateDeckRepository.DeckRow deck(AccountId owner, UUID deckId) {
        return db.withRepository(RateDeckRepository.class, r -> r.find(owner.value(), deckId))
                .orElseThrow(() -> RateDeckQueries.deckNotFound(deckId));
    }

    private interface VersionWriter {
        int write(Handle h, int version);
    }

    private int newVersion(AccountId owner, RateDeckRepository.DeckRow deck, VersionWriter writer) {
        return db.inTransaction(h -> {
            var repo = h.attach(RateDeckRepository.class);
            int version = repo.nextVersion(owner.value(), deck.deckId());
            repo.insertVersion(owner.value(), deck.deckId(), version, 0, clock.instant());
            int count = writer.write(h, version);
            repo.setRateCount(owner.value(), deck.deckId(), version, count);
            repo.setCurrentVersion(owner.value(), deck.deckId(), version);
            return version;
        });
    }

    private static void copyRates(Handle h, AccountId owner, RateDeckRepository.DeckRow deck, int version, List<Rate> rates) {
        try (var copy = BulkCopy.into("rate", RATE_COLUMNS).open(h)) {
            for (var r : rates) {
                var p = r.price();
                var v = r.validity();
                copy.row(owner.value(), deck.deckId(), version, r.index(), r.destination().prefix(),
                        r.destination().name(), r.destination().callType().wire(), p.perMinute().toPlainString(),
                        p.perCall().toPlainString(), p.increments().first(), p.increments().next(), p.freeSeconds(),
                        p.mode().wire(), deck.currency(), v.from(), v.toExclusive());
            }
            copy.end(h);
        }
    }

    private static void copySmsRates(Handle h, AccountId owner, RateDeckRepository.DeckRow deck, int version,
                                     Map<SmsRates.Key, Long> rates) {
        try (var copy = BulkCopy.into("sms_rate", SMS_RATE_COLUMNS).open(h)) {
            rates.forEach((key, units) -> {
                copy.row(owner.value(), deck.deckId(), version, key.country(), key.messageType(), key.direction(),
                        BigDecimal.valueOf(units, Rate.UNIT_SCALE).toPlainString(), deck.currency());
            });
            copy.end(h);
        }
    }
}
