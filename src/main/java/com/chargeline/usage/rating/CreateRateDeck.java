package com.chargeline.usage.rating;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Currencies;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates an empty rate deck (version 0) owned by an account; names are unique per owner, ignoring case. */
public final class CreateRateDeck {
    private final Database db;
    private final Clock clock;

    public CreateRateDeck(Database db, Clock clock) {
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

    private static Invalid invalid(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError(field, message)));
    }
}
