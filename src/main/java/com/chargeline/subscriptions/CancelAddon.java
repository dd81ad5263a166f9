package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cancels an add-on at the end of its paid period (Zoom Billing B10); the Zoom Phone base type
 * cancels the phone base plan and every phone add-on with it. The line stays active until then.
 */
public final class CancelAddon {
    private final Database db;
    private final Clock clock;
    private final PlanRules rules;

    public CancelAddon(Database db, Clock clock, PlanRules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    /** {@code reason} is Zoom's 1–6, or null. */
    public void cancel(Account account, String actor, String type, Integer reason) {
        var today = Calendars.today(clock, account.profile().timeZone());
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, account.id(), today, Calendars.nowUtc(clock));
            change.requireBase(PlanRules.refused(
                    "You cannot cancel an add-on plan for a sub account that is under a Free plan."));
            if (rules.groupOf(type).startsWith("plan_phone.") && change.live().noneMatch(l -> l.group().startsWith("plan_phone."))) {
                throw PlanRules.refused("You cannot perform this action because you do not have a Zoom Phone "
                        + "subscription for this account.");
            }
            var target = change.live().filter(s -> s.type().equals(type) && !s.group().equals("plan_base")).findFirst()
                    .orElseThrow(() -> PlanRules.refused("You do not have a \"" + type + "\" plan subscription."));
            var lines = target.group().equals("plan_phone.plan_base")
                    ? change.live().filter(s -> s.group().startsWith("plan_phone.")).toList() : List.of(target);
            for (var line : lines) {
                change.cancel(line, reason);
            }
            change.audit(actor, "cancel_addon", Map.of("type", Objects.toString(type), "reason", Objects.toString(reason)));
            return null;
        });
    }
}
