package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of an account's plans (Zoom Billing B6), what the Accounts API shows of them, the plan audit
 * and the master's discount. Dates are days of the account's time zone on the injected clock.
 */
public final class PlanQueries {
    private final Database db;
    private final Clock clock;
    private final PlanRules rules;

    public PlanQueries(Database db, Clock clock, PlanRules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    /** Every plan line of the account, oldest first. */
    public List<Subscription> plans(AccountId account) {
        return db.withRepository(SubscriptionRepository.class, r -> r.lines(account.value()));
    }

    /** What the Accounts API shows of an account's base plan: Zoom's account type, seats, and the paid period. */
    public record Standing(String accountType, int seats, LocalDate periodStart, LocalDate periodEnd) {
        /** An account without a base plan in service: what was recorded at creation ("Free" for a sub account). */
        public static Standing stored(Account account) {
            return new Standing(account.profile().type(), account.profile().seats(), null, null);
        }
    }

    /** Each account's standing today where a base plan is in service, in one query for all of them. */
    public Map<AccountId, Standing> standings(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        var byId = new HashMap<UUID, Account>();
        accounts.forEach(a -> byId.put(a.id().value(), a));
        var rows = db.withRepository(SubscriptionRepository.class,
                r -> r.activeBaseLines(byId.keySet().toArray(UUID[]::new)));
        var out = new HashMap<AccountId, Standing>();
        for (var row : rows) {
            var account = byId.get(row.accountId());
            var line = row.line();
            var today = Calendars.today(clock, account.profile().timeZone());
            if (line.activeOn(today)) {
                out.put(account.id(), new Standing(rules.accountType(line.type()), line.hosts(),
                        line.serviceEffectiveDate(), line.cancelAt() != null ? line.cancelAt() : line.nextInvoiceDate(today)));
            }
        }
        return out;
    }

    /** The master's discount on list prices, in percent (0 when none is set). */
    public BigDecimal discount(AccountId master) {
        return db.withRepository(SubscriptionRepository.class, r -> r.discount(master.value())).orElse(BigDecimal.ZERO);
    }

    /** The account's plan changes, newest first. */
    public List<PlanAuditEntry> auditLog(AccountId account, int limit) {
        return db.withRepository(SubscriptionRepository.class, r -> r.auditLog(account.value(), limit));
    }

    /** The purchase order numbers the account's plan lines were bought with, by subscription (lines bought without one are absent). */
    public Map<UUID, String> purchaseOrderNumbers(AccountId account) {
        var out = new HashMap<UUID, String>();
        db.withRepository(SubscriptionRepository.class, r -> r.purchaseOrders(account.value()))
                .forEach(p -> out.put(p.subscriptionId(), p.purchaseOrderNumber()));
        return out;
    }

    /** Whether the account holds any plan line (active, or cancelled but still in its paid period). */
    public boolean hasPlan(Account account) {
        var today = Calendars.today(clock, account.profile().timeZone());
        return db.withRepository(SubscriptionRepository.class, r -> r.hasLiveLine(account.id().value(), today));
    }
}
