package com.chargeline.invoicing;

import com.chargeline.catalog.BillingCycle;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plan lines of an account's invoice for a month: plans are charged IN ADVANCE, by billing unit. A monthly plan's
 * unit is a calendar month of the account (the invoice period), so a mid-month start, host change or cancellation
 * is prorated by day; a longer cycle's unit is the cycle itself (quarter, year, ... counted from the line's service
 * effective date), charged whole when it begins and prorated by day of the cycle when its hosts change or it ends early.
 *
 * <p>The invoice of month M looks at every unit holding a day from twelve months before M to the end of M+1 (so
 * months a run skipped are caught up). For each, what the subscription's history says it owes (hosts day by day,
 * from {@code subscription_hosts}, within its service from the effective date to {@code cancel_at}, one host at
 * least) is compared with what earlier invoices charged for it: nothing charged yet → one line per run of days with
 * the same hosts, at the price book's list price less the master's discount; the same total (after the per-line
 * rounding) → nothing; another total → a credit line giving back what was charged and the lines owed now, at the
 * unit price the unit was first sold at (a later discount or price-book change applies to new units only). So a
 * host reduction shows as a credit and a smaller charge, and the invoices of a unit always add up to what its
 * history owes, whenever a change is learnt.
 */
final class PlanCharges {
    private static final int DIVISION_SCALE = 10;
    private final PlanCatalog catalog;

    PlanCharges(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** Raised when the account's plans cannot be billed in its currency. */
    static final class NotBillable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBillable(String message) {
            super(message);
        }
    }

    /** The first day a unit of the invoice of {@code month} can start (the longest cycle before the month). */
    static LocalDate earliest(YearMonth month) {
        return month.atDay(1).minusMonths(BillingCycle.THREE_YEARS.months());
    }

    /** The first day of the units the invoice of {@code month} looks at: twelve months before it. */
    static LocalDate lookBack(YearMonth month) {
        return month.minusMonths(12).atDay(1);
    }

    /** The last day the invoice of {@code month} charges for in advance: the next month's last day. */
    static LocalDate horizon(YearMonth month) {
        return month.plusMonths(1).atEndOfMonth();
    }

    List<InvoiceItem.Line> lines(YearMonth month, List<InvoiceRunRepository.SubscriptionFacts> subscriptions,
                                 BigDecimal discountPercent, Map<UUID, List<InvoiceRunRepository.Charged>> charged,
                                 java.util.Currency currency, String chargeType) {
        var out = new ArrayList<InvoiceItem.Line>();
        var factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
        for (var s : subscriptions) {
            var plan = catalog.find(s.planType()).orElseThrow(
                    () -> new IllegalStateException("plan type " + s.planType() + " is not in the price book"));
            var unitPrice = plan.listPrice().times(factor);
            var cycle = BillingCycle.fromWire(s.billingCycle());
            var ref = new InvoiceItem.PlanRef(s.subscriptionId(), s.planType());
            var previous = charged.getOrDefault(s.subscriptionId(), List.of());
            for (var unit : units(s, cycle, month)) {
                var before = previous.stream().filter(c -> unit.holds(c.startDate())).toList();
                var soldAt = before.stream().filter(c -> c.kind().equals("plan") && c.unitPrice() != null).findFirst()
                        .map(c -> new Money(c.unitPrice(), unitPrice.currency())).orElse(unitPrice);
                var owed = owed(s, unit, soldAt, plan.name(), cycle, chargeType, ref);
                var charged0 = before.stream().map(InvoiceRunRepository.Charged::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                var owedTotal = owed.stream().map(l -> l.amount().roundedToMinorUnit().amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (before.isEmpty() ? owedTotal.signum() == 0 : owedTotal.compareTo(charged0) == 0) {
                    continue;
                }
                if (!currency.equals(unitPrice.currency())) {
                    throw new NotBillable("its plans are priced in " + unitPrice.currency() + " and it is billed in " + currency);
                }
                if (!before.isEmpty()) {
                    out.add(credit(plan.name(), unit, before, charged0, unitPrice, chargeType, ref));
                }
                out.addAll(owed);
            }
        }
        return out;
    }

    /** A billing unit: its first and last day (inclusive). */
    record Unit(LocalDate start, LocalDate end) {
        boolean holds(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** The units holding a day from {@link #lookBack} to {@link #horizon} within the line's service. */
    static List<Unit> units(InvoiceRunRepository.SubscriptionFacts s, BillingCycle cycle, YearMonth month) {
        var first = max(lookBack(month), s.serviceEffectiveDate());
        var last = horizon(month);
        var units = new ArrayList<Unit>();
        if (cycle == BillingCycle.MONTHLY) {
            for (var m = YearMonth.from(first); !m.atDay(1).isAfter(last); m = m.plusMonths(1)) {
                units.add(new Unit(m.atDay(1), m.atEndOfMonth()));
            }
            return units;
        }
        var anchor = s.serviceEffectiveDate();
        long k = Math.max(0, ChronoUnit.MONTHS.between(anchor, first) / cycle.months() - 1);
        while (true) {
            var start = anchor.plusMonths(k * cycle.months());
            var end = anchor.plusMonths((k + 1) * cycle.months()).minusDays(1);
            if (start.isAfter(last)) {
                return units;
            }
            if (!end.isBefore(first)) {
                units.add(new Unit(start, end));
            }
            k++;
        }
    }

    /** What the unit owes: one line per run of days in service with the same hosts. */
    private static List<InvoiceItem.Line> owed(InvoiceRunRepository.SubscriptionFacts s, Unit unit, Money unitPrice,
                                               String name, BillingCycle cycle, String chargeType,
                                               InvoiceItem.PlanRef ref) {
        var from = max(unit.start(), s.serviceEffectiveDate());
        var to = s.cancelAt() == null ? unit.end() : min(unit.end(), s.cancelAt().minusDays(1));
        var lines = new ArrayList<InvoiceItem.Line>();
        var day = from;
        while (!day.isAfter(to)) {
            int hosts = hostsOn(s, day);
            var next = nextChange(s, day);
            var end = next == null || next.isAfter(to) ? to : next.minusDays(1);
            int quantity = Math.max(1, hosts);
            long days = ChronoUnit.DAYS.between(day, end) + 1;
            // price x hosts x days / days of the unit, divided last (to 10 decimals, half-up) so a whole unit is exact
            var amount = new Money(unitPrice.amount().multiply(BigDecimal.valueOf(quantity * days))
                    .divide(BigDecimal.valueOf(unit.days()), DIVISION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros(),
                    unitPrice.currency());
            var description = name + " (" + cycle.wire() + "), " + quantity + (quantity == 1 ? " host" : " hosts")
                    + (days == unit.days() ? "" : ", " + days + " of " + unit.days() + " days");
            lines.add(new InvoiceItem.Line(InvoiceItem.Kind.PLAN, description, BigDecimal.valueOf(quantity), unitPrice,
                    amount, day, end, chargeType, null, null, ref));
            day = end.plusDays(1);
        }
        return lines;
    }

    private static InvoiceItem.Line credit(String name, Unit unit, List<InvoiceRunRepository.Charged> before,
                                           BigDecimal charged, Money unitPrice, String chargeType,
                                           InvoiceItem.PlanRef ref) {
        var numbers = before.stream().map(c -> c.number() == null ? "a draft" : c.number()).distinct().toList();
        var start = before.stream().map(InvoiceRunRepository.Charged::startDate).min(LocalDate::compareTo).orElseThrow();
        var end = before.stream().map(InvoiceRunRepository.Charged::endDate).max(LocalDate::compareTo).orElseThrow();
        return new InvoiceItem.Line(InvoiceItem.Kind.CREDIT, "Credit: " + name + ", " + unit.start() + " to " + unit.end()
                + " as charged on " + String.join(", ", numbers), BigDecimal.ONE, null,
                new Money(charged.negate(), unitPrice.currency()), start, end, chargeType, null, null, ref);
    }

    /** The hosts on {@code day}: the last change on or before it (the first one before the history starts). */
    private static int hostsOn(InvoiceRunRepository.SubscriptionFacts s, LocalDate day) {
        int hosts = s.hostCounts()[0];
        for (int i = 0; i < s.hostDays().length && !s.hostDays()[i].isAfter(day); i++) {
            hosts = s.hostCounts()[i];
        }
        return hosts;
    }

    private static LocalDate nextChange(InvoiceRunRepository.SubscriptionFacts s, LocalDate day) {
        for (var d : s.hostDays()) {
            if (d.isAfter(day)) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
