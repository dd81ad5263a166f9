package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes the base plan (Zoom Billing B11): its hosts ({@code hosts}, or {@code increasing} more), or
 * a switch to another base type (the old line ends today, the new one starts on {@code start}).
 */
public final class ChangeBasePlan {
    private final Database db;
    private final Clock clock;
    private final PlanRules rules;

    public ChangeBasePlan(Database db, Clock clock, PlanRules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    public void change(Account account, String actor, String type, Integer hosts, Integer increasing, LocalDate start) {
        var today = Calendars.today(clock, account.profile().timeZone());
        var begin = PlanRules.startOrToday(start, today, "service_effective_date");
        if ((hosts == null || hosts < 1) && (increasing == null || increasing < 1)) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError("hosts",
                    "Give a positive hosts or increasing_hosts.")));
        }
        var plan = rules.base(type, account.id());
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, account.id(), today, Calendars.nowUtc(clock));
            var base = change.active().filter(s -> s.group().equals("plan_base")).findFirst()
                    .orElseThrow(() -> PlanRules.refused("You don't have a major subscription yet."));
            int total = hosts != null && hosts > 0 ? hosts : base.hosts() + increasing;
            if (!plan.allowsHosts(total)) {
                throw PlanRules.rejected("Invalid host number.");
            }
            if (base.type().equals(type)) {
                change.setHosts(base, total);
            } else {
                change.end(base);
                change.add(plan, total, begin);
            }
            change.audit(actor, "update_base", Map.of("type", type, "hosts", Objects.toString(hosts),
                    "increasing_hosts", Objects.toString(increasing)));
            return null;
        });
    }
}
