package com.chargeline.subscriptions;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Sets a master's discount on the list prices its sub accounts' plans renew at (0 to under 100 percent). */
public final class SetPlanDiscount {
    private final Database db;
    private final Clock clock;

    public SetPlanDiscount(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void set(AccountId master, BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0 || percent.scale() > 2) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError("percent",
                    "A percentage from 0 to under 100, at most two decimals.")));
        }
        db.inTransaction(h -> {
            h.attach(SubscriptionRepository.class).upsertDiscount(master.value(), percent, Calendars.nowUtc(clock));
            return null;
        });
    }
}
