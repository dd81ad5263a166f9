package com.chargeline.usage.rating;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Currencies;
import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.Database;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Rate decks: create, import a CSV as a new version (rows written with COPY), export, assign to an
 * account, and load compiled versions (kept in memory: a version never changes once written).
 */
public final class ManageRateDecks {
    private final Database db;
    private final Clock clock;
    private final Map<String, PriceList> compiled = new ConcurrentHashMap<>();

    public ManageRateDecks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public RateDeckRepository.DeckRow create(AccountId owner, String name, String currency, int precision) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw invalid("name", "A deck needs a name of 1 to 100 characters.");
        }
        var code = Currencies.parse(currency).orElseThrow(() -> invalid("currency", "Unsupported currency: " + currency + "."));
        if (precision < 0 || precision > Rate.UNIT_SCALE) {
            throw invalid("precision", "Must be from 0 to " + Rate.UNIT_SCALE + ".");
        }
        var id = UUID.randomUUID();
        return db.inTransaction(h -> {
            var repo = h.attach(RateDeckRepository.class);
            if (repo.list(owner.value()).stream().anyMatch(d -> d.name().equalsIgnoreCase(name.strip()))) {
                throw invalid("name", "A deck named " + name.strip() + " already exists.");
            }
            repo.insert(owner.value(), id, name.strip(), code.getCurrencyCode(), precision, clock.instant());
            return repo.find(owner.value(), id).orElseThrow();
        });
    }

    public List<RateDeckRepository.DeckRow> list(AccountId owner) {
        return db.withRepository(RateDeckRepository.class, r -> r.list(owner.value()));
    }

    public RateDeckRepository.DeckRow deck(AccountId owner, UUID deckId) {
        return db.withRepository(RateDeckRepository.class, r -> r.find(owner.value(), deckId))
                .orElseThrow(() -> deckNotFound(deckId));
    }

    /** Imports call rates as a new version (SMS rates carry over); returns the version. */
    public int importRates(AccountId owner, UUID deckId, Reader csv) {
        var deck = deck(owner, deckId);
        var rates = DeckCsv.parseRates(csv, deck.currency());
        return newVersion(owner, deck, (h, version) -> {
            copyRates(h, owner, deck, version, rates);
            h.attach(RateDeckRepository.class).copySmsRates(owner.value(), deckId, deck.currentVersion(), version);
            return rates.size();
        });
    }

    /** Imports SMS/MMS rates as a new version (call rates carry over); returns the version. */
    public int importSmsRates(AccountId owner, UUID deckId, Reader csv) {
        var deck = deck(owner, deckId);
        var rates = DeckCsv.parseSmsRates(csv, deck.currency());
        return newVersion(owner, deck, (h, version) -> {
            try (var copy = BulkCopy.into("sms_rate", "account_id, deck_id, version, country, message_type, direction, "
                    + "rate_per_segment, currency").open(h)) {
                rates.forEach((key, units) -> {
                    var parts = key.split("\\|");
                    copy.row(owner.value(), deckId, version, parts[0], parts[1], parts[2],
                            java.math.BigDecimal.valueOf(units, Rate.UNIT_SCALE).toPlainString(), deck.currency());
                });
                copy.end(h);
            }
            var repo = h.attach(RateDeckRepository.class);
            if (deck.currentVersion() > 0) {
                repo.copyRates(owner.value(), deckId, deck.currentVersion(), version);
            }
            return h.createQuery("SELECT count(*) FROM rate WHERE account_id = :a AND deck_id = :d AND version = :v")
                    .bind("a", owner.value()).bind("d", deckId).bind("v", version).mapTo(Integer.class).one();
        });
    }

    /** The current version's call rates as CSV. */
    public String export(AccountId owner, UUID deckId) {
        var deck = deck(owner, deckId);
        var out = new StringWriter();
        var rates = deck.currentVersion() == 0 ? List.<Rate>of() : load(deck.deckId(), deck.currentVersion()).calls().rates();
        DeckCsv.writeRates(rates, deck.currency(), out);
        return out.toString();
    }

    /** Makes {@code deckId} (owned by {@code owner}) price {@code account}'s usage. */
    public void assign(AccountId owner, AccountId account, UUID deckId) {
        deck(owner, deckId);
        db.inTransaction(h -> {
            h.attach(RateDeckRepository.class).assign(account.value(), deckId, clock.instant());
            return null;
        });
    }

    /** The price list for an account's usage: its deck's current version, if it has one. */
    public Optional<PriceList> priceListFor(AccountId account) {
        return db.withRepository(RateDeckRepository.class, repo -> repo.deckFor(account.value()).flatMap(repo::findById))
                .filter(d -> d.currentVersion() > 0)
                .map(d -> load(d.deckId(), d.currentVersion()));
    }

    /** A compiled deck version, from memory after its first load. */
    public PriceList load(UUID deckId, int version) {
        return compiled.computeIfAbsent(deckId + "@" + version, key -> db.withHandle(h -> {
            var repo = h.attach(RateDeckRepository.class);
            var deck = repo.findById(deckId).orElseThrow(() -> deckNotFound(deckId));
            var info = new RateDeck.Info(deckId, version, deck.name(), Currency.getInstance(deck.currency()), deck.precision());
            var calls = RateDeck.compile(info, repo.rates(deck.accountId(), deckId, version));
            var sms = new HashMap<String, Long>();
            repo.smsRates(deck.accountId(), deckId, version).forEach(e -> sms.put(e.getKey(), e.getValue()));
            return new PriceList(calls, new SmsRates(sms));
        }));
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
            h.createUpdate("UPDATE rate_deck_version SET rate_count = :n WHERE account_id = :a AND deck_id = :d AND version = :v")
                    .bind("n", count).bind("a", owner.value()).bind("d", deck.deckId()).bind("v", version).execute();
            repo.setCurrentVersion(owner.value(), deck.deckId(), version);
            return version;
        });
    }

    private static void copyRates(Handle h, AccountId owner, RateDeckRepository.DeckRow deck, int version, List<Rate> rates) {
        try (var copy = BulkCopy.into("rate", "account_id, deck_id, version, row_no, prefix, destination, call_type, "
                + "rate_per_min, per_call_fee, first_increment_s, next_increment_s, free_seconds, charge_mode, currency, "
                + "effective_from, effective_to").open(h)) {
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

    private static Invalid invalid(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new com.chargeline.common.error.FieldError(field, message)));
    }

    public static NotFound deckNotFound(Object deckId) {
        return new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "Rate deck does not exist: " + deckId + ".",
                Map.of("id", String.valueOf(deckId)));
    }
}
