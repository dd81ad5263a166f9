package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Changes an add-on (Zoom Billing B9): its hosts, or a switch to another type of the same group (the
 * old line ends today, the new one starts on {@code start}).
 */
public final class ChangeAddon {
    private final Database db;
    private final Clock clock;
    private final PlanRules rules;

    public ChangeAddon(Database db, Clock clock, PlanRules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    /** {@code start} null is today; a given start must be in the future. */
    public void change(Account account, String actor, String type, int hosts, LocalDate start) {
        var today = Calendars.today(clock, account.profile().timeZone());
        var begin = PlanRules.startOrToday(start, today, "service_effective_date");
        PlanRules.requireHosts(hosts, "hosts");
        var plan = rules.addon(type, "Invalid Additional Plan Type: " + type + ".");
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, account.id(), today, Calendars.nowUtc(clock));
            change.requireBase(PlanRules.rejected("Cannot update Additional plan for a sub account under free plan."));
            rules.requireBaseForAudioPayg(change.live(), plan);
            var same = change.active().filter(s -> s.type().equals(type)).findFirst();
            if (same.isPresent()) {
                change.setHosts(same.get(), hosts);
            } else {
                var replaced = change.active().filter(s -> s.group().equals(plan.group())).findFirst()
                        .orElseThrow(() -> PlanRules.rejected("Account can't buy this product."));
                change.end(replaced);
                change.add(plan, hosts, begin);
            }
            change.audit(actor, "update_addon", Map.of("type", type, "hosts", hosts));
            return null;
        });
    }
}
