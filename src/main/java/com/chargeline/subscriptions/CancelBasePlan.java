package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Cancels the base plan at the end of its paid period (Zoom Billing B12), once every add-on is
 * cancelled. The line stays active until then and then reads as {@code cancelled}.
 */
public final class CancelBasePlan {
    private final Database db;
    private final Clock clock;

    public CancelBasePlan(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code reason} is Zoom's 1–6, or null. */
    public void cancel(Account account, String actor, Integer reason) {
        var today = Calendars.today(clock, account.profile().timeZone());
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, account.id(), today, Calendars.nowUtc(clock));
            var base = change.live().filter(s -> s.group().equals("plan_base")).findFirst()
                    .orElseThrow(() -> PlanRules.refused("Cannot cancel plan for a sub account which is under free plan."));
            if (change.live().anyMatch(s -> !s.group().equals("plan_base"))) {
                throw PlanRules.refused("You should first cancel all additional subscriptions.");
            }
            change.cancel(base, reason);
            change.audit(actor, "cancel_base", Map.of("reason", Objects.toString(reason)));
            return null;
        });
    }
}
