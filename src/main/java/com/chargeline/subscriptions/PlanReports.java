package com.chargeline.subscriptions;

import com.chargeline.catalog.BillingCycle;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Calendars;
import com.chargeline.common.time.Zones;
import com.chargeline.storage.Database;
import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * What a reseller reads about plans: an account's plan usage (Zoom B13: hosts bought, licences in
 * use — the account's directory users hold its base-plan licence — pending) and the master's
 * upcoming renewals (B14: master-paid sub accounts whose auto-renewing lines invoice within the
 * interval, priced from the price book less the master's discount, to the cent).
 */
public final class PlanReports {
    private final Database db;
    private final Clock clock;
    private final PlanCatalog catalog;
    private final PlanQueries plans;

    public PlanReports(Database db, Clock clock, PlanCatalog catalog, PlanQueries plans) {
        this.db = db;
        this.clock = clock;
        this.catalog = catalog;
        this.plans = plans;
    }

    /** One line of plan usage: {@code usage} licences of {@code hosts} in use. */
    public record Usage(Subscription line, PlanType plan, int usage, int pending) {
    }

    /** B13; an account without a base plan is refused as Zoom does. */
    public List<Usage> usage(com.chargeline.accounts.Account owner) {
        var account = owner.id();
        var today = Calendars.today(clock, owner.profile().timeZone());
        var lines = plans.plans(account).stream().filter(s -> s.activeOn(today)).toList();
        if (lines.stream().noneMatch(s -> s.group().equals("plan_base"))) {
            throw new Invalid(ErrorCode.PLAN_STATE, "Only available for paid account.");
        }
        int users = db.withRepository(SubscriptionRepository.class, r -> r.countPhoneUsers(account.value()));
        return lines.stream().map(s -> new Usage(s, catalog.find(s.type()).orElseThrow(),
                s.group().equals("plan_base") ? Math.min(users, s.hosts()) : 0, 0)).toList();
    }

    /** A sub account's renewals in the interval. */
    public record Renewal(AccountId account, long accountNumber, String accountName, String email, LocalDate nextRenewalDate,
                          Money total, boolean autoRenew, List<Item> items) {
        /** Zoom reports a renewal's total in whole units of its currency (an integer field), half-up. */
        public long totalRounded() {
            return total.amount().setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** The quantity a plan line is billed and renewed for: its hosts, at least one (a storage or pay-as-you-go plan). */
    public static int billedQuantity(int hosts) {
        return Math.max(1, hosts);
    }

    /** One renewing line: plan name, quantity (hosts, at least 1), cycle, dates and amount. */
    public record Item(String planName, int quantity, BillingCycle cycle, LocalDate serviceEffectiveDate,
                       LocalDate nextInvoiceDate, Money amount) {
    }

    /** B14: every master-paid sub account of {@code master} renewing within {@code days}, by account number. */
    public List<Renewal> renewals(AccountId master, int days) {
        var byAccount = new LinkedHashMap<UUID, List<RenewalRepository.RenewingLine>>();
        db.withRepository(RenewalRepository.class, r -> r.renewingLines(master.value()))
                .forEach(line -> byAccount.computeIfAbsent(line.accountId(), k -> new ArrayList<>()).add(line));
        var factor = BigDecimal.ONE.subtract(plans.discount(master).movePointLeft(2));
        var out = new ArrayList<Renewal>();
        byAccount.forEach((id, lines) -> {
            var items = new ArrayList<Item>();
            var first = lines.getFirst();
            var today = Calendars.today(clock, Zones.stored(first.timeZone()));
            var until = today.plusDays(days);
            for (var line : lines) {
                var plan = catalog.find(line.planType()).orElseThrow();
                var cycle = BillingCycle.fromWire(line.billingCycle());
                var next = cycle.nextInvoiceDate(line.paidPeriodStartDate(), today);
                if (next.isAfter(until)) {
                    continue;
                }
                int quantity = billedQuantity(line.hosts());
                items.add(new Item(plan.name(), quantity, cycle, line.serviceEffectiveDate(), next,
                        plan.listPrice().times(BigDecimal.valueOf(quantity)).times(factor).roundedToMinorUnit()));
            }
            if (!items.isEmpty()) {
                out.add(new Renewal(new AccountId(id), first.accountNumber(), first.accountName(), first.ownerEmail(),
                        items.stream().map(Item::nextInvoiceDate).min(Comparator.naturalOrder()).orElseThrow(),
                        items.stream().map(Item::amount).reduce(Money::plus).orElseThrow(), true, items));
            }
        });
        return out;
    }
}
