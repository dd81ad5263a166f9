package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Buys add-on lines for an account with a base plan (Zoom Billing B8); a type given twice, under another
 * group, or already held is refused.
 */
public final class AddAddons {
    /** A requested line as the audit row records it. */
    private record Requested(String group, String type, int hosts) {
    }

    private final Database db;
    private final Clock clock;
    private final PlanRules rules;

    public AddAddons(Database db, Clock clock, PlanRules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    /** {@code start} null is today; a given start must be in the future. */
    public void add(Account account, String actor, List<PlanRequest.Line> lines, LocalDate start) {
        var today = Calendars.today(clock, account.profile().timeZone());
        var begin = PlanRules.startOrToday(start, today, "service_effective_date");
        var typed = rules.addons(lines, "Invalid plan type.");
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, account.id(), today, Calendars.nowUtc(clock));
            change.requireBase(PlanRules.rejected("Cannot update Additional plan for a subaccount under free plan."));
            for (var line : typed) {
                rules.requireBaseForAudioPayg(change.live(), line.plan());
                if (change.active().anyMatch(s -> s.type().equals(line.plan().type()))) {
                    throw PlanRules.rejected("This subaccount already has the additional plan: " + line.plan().type() + ".");
                }
                change.add(line.plan(), line.hosts(), begin);
            }
            change.audit(actor, "add_addons", lines.stream().map(l -> new Requested(l.group(), l.type(), l.hosts())).toList());
            return null;
        });
    }
}
