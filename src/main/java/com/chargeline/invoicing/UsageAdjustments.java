package com.chargeline.invoicing;

import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage lines of the invoice of month M, from one comparison per usage line key and month up to M: what the
 * month's usage comes to now, rounded by the per-line rule, less what invoices (void ones aside) billed for it: its
 * own usage line and the adjustments naming it. Month M's differences are its usage lines (in arrears; normally
 * nothing was billed for it yet, but a month issued again after a void counts the adjustments it already had);
 * an earlier month's differences are adjustment lines (a record that arrived late, a re-rating, a month that was
 * never invoiced), debit or credit, naming the month they correct. Afterwards every month's invoices add up to its
 * usage as rated now, so a second run finds nothing.
 */
final class UsageAdjustments {
    private UsageAdjustments() {
    }

    static List<InvoiceItem.Line> lines(List<InvoiceRunRepository.UsageChange> changes, YearMonth invoiced,
                                        String chargeType) {
        var lines = new ArrayList<InvoiceItem.Line>();
        for (var c : changes) {
            var currency = Currencies.parse(c.currency())
                    .orElseThrow(() -> new IllegalStateException("stored currency is not valid: " + c.currency()));
            var amount = new Money(c.charge(), currency).roundedToMinorUnit().minus(new Money(c.billed(), currency));
            if (amount.amount().signum() == 0 && c.records() == 0 && c.billedSeconds() == 0 && c.segments() == 0) {
                continue;
            }
            var kind = UsageLine.Kind.stored(c.usageKind());
            var month = YearMonth.from(c.month());
            var quantity = kind == UsageLine.Kind.CALLS
                    ? BigDecimal.valueOf(c.billedSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                    : BigDecimal.valueOf(c.segments());
            var description = UsageCharges.description(kind, c.direction(), c.usageType(), c.country());
            boolean own = month.equals(invoiced);
            lines.add(new InvoiceItem.Line(own ? InvoiceItem.Kind.USAGE : InvoiceItem.Kind.ADJUSTMENT,
                    own ? description : "Adjustment for " + month + ": " + description, quantity, null, amount,
                    month.atDay(1), month.atEndOfMonth(), chargeType, own ? null : month.atDay(1),
                    new InvoiceItem.Usage(kind, c.direction(), c.usageType(), c.country(), c.records(), c.billedSeconds(),
                            c.segments()), null));
        }
        return lines;
    }
}
