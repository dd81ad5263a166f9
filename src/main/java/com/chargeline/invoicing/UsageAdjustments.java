package com.chargeline.invoicing;

import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjustment lines for usage of months already invoiced that changed since (a record that arrived late, a re-rating):
 * per usage line key and month, what the month's usage comes to now, rounded by the per-line rule, less what
 * invoices billed for it (its usage line and earlier adjustments). A debit or a credit on the next invoice, naming
 * the month it corrects; after it, the month's invoices add up to its usage as rated now, so a second run finds
 * nothing to adjust.
 */
final class UsageAdjustments {
    private UsageAdjustments() {
    }

    static List<InvoiceItem.Line> lines(List<InvoiceRunRepository.UsageChange> changes, String chargeType) {
        var lines = new ArrayList<InvoiceItem.Line>();
        for (var c : changes) {
            var currency = Currencies.parse(c.currency())
                    .orElseThrow(() -> new IllegalStateException("stored currency is not valid: " + c.currency()));
            var amount = new Money(c.charge(), currency).roundedToMinorUnit().minus(new Money(c.billed(), currency));
            if (amount.amount().signum() == 0 && c.records() == 0 && c.billedSeconds() == 0 && c.segments() == 0) {
                continue;
            }
            var kind = c.usageKind().equals("calls") ? UsageLine.Kind.CALLS : UsageLine.Kind.MESSAGES;
            var month = YearMonth.from(c.month());
            var quantity = kind == UsageLine.Kind.CALLS
                    ? BigDecimal.valueOf(c.billedSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                    : BigDecimal.valueOf(c.segments());
            lines.add(new InvoiceItem.Line(InvoiceItem.Kind.ADJUSTMENT, "Adjustment for " + month + ": "
                    + UsageCharges.description(kind, c.direction(), c.usageType(), c.country()), quantity, null, amount,
                    month.atDay(1), month.atEndOfMonth(), chargeType, month.atDay(1),
                    new InvoiceItem.Usage(kind, c.direction(), c.usageType(), c.country(), c.records(), c.billedSeconds(),
                            c.segments()), null));
        }
        return lines;
    }
}
