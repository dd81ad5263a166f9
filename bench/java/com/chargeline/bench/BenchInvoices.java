package com.chargeline.bench;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.InvoicePdf;
import com.chargeline.invoicing.InvoicePeriod;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.InvoiceStatus;
import com.chargeline.invoicing.UsageLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A typical posted invoice, in memory: a master-paid sub account's November with two plan lines, 16 call lines
 * (four call types to several countries), two SMS lines and sales tax (21 lines). Used by {@code InvoicePdfBench}
 * and by {@code InvoiceSample}, which renders {@code docs/invoice-sample.png}.
 */
final class BenchInvoices {
    private static final Currency USD = Currency.getInstance("USD");

    private BenchInvoices() {
    }

    static InvoicePdf.BillTo billTo() {
        return new InvoicePdf.BillTo("Grace Hopper", "Northwind Logistics Inc.",
                List.of("200 Harbor Boulevard, Floor 4", "Boston, MA 02210", "US"), "accounts@northwind.example");
    }

    static InvoiceQueries.Details typical() {
        var month = YearMonth.of(2026, 11);
        var first = month.atDay(1);
        var last = month.atEndOfMonth();
        var items = new ArrayList<InvoiceItem>();
        items.add(line(items, InvoiceItem.Kind.PLAN, "Zoom Phone Pro (per user)", "25", "10.00", first, last, null));
        items.add(line(items, InvoiceItem.Kind.PLAN, "Zoom Phone Metered, added 16 Nov", "5", "5.00",
                LocalDate.of(2026, 11, 16), last, null));
        String[][] calls = {
            {"local", "US", "United States"}, {"national", "US", "United States"}, {"international", "GB", "United Kingdom"},
            {"international", "DE", "Germany"}, {"international", "FR", "France"}, {"international", "JP", "Japan"},
            {"international", "IN", "India"}, {"international", "BR", "Brazil"}, {"mobile", "GB", "United Kingdom"},
            {"mobile", "DE", "Germany"}, {"mobile", "MX", "Mexico"}, {"mobile", "US", "United States"},
            {"international", "CA", "Canada"}, {"international", "AU", "Australia"}, {"local", "CA", "Canada"},
            {"mobile", "FR", "France"}};
        String[] prices = {"0.0100", "0.0125", "0.0290", "0.0310", "0.0280", "0.0600", "0.0450", "0.0520", "0.1400",
            "0.1600", "0.0900", "0.0125", "0.0110", "0.0520", "0.0100", "0.1500"};
        for (int i = 0; i < calls.length; i++) {
            long count = 40L + 37L * i;
            long seconds = 60L * (180 + 53L * i);
            var usage = new InvoiceItem.Usage(UsageLine.Kind.CALLS, "outbound", calls[i][0], calls[i][1], count, seconds, 0);
            var minutes = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            var description = capital(calls[i][0]) + " calls, " + calls[i][2] + " (" + calls[i][1] + ")";
            items.add(usageLine(items, description, minutes, prices[i], first, last, usage));
        }
        items.add(usageLine(items, "SMS sent, United States (US)", new BigDecimal("412"), "0.0079", first, last,
                new InvoiceItem.Usage(UsageLine.Kind.MESSAGES, "outbound", "SMS", "", 412, 0, 530)));
        items.add(usageLine(items, "SMS received, United States (US)", new BigDecimal("388"), "0.0000", first, last,
                new InvoiceItem.Usage(UsageLine.Kind.MESSAGES, "inbound", "SMS", "", 388, 0, 388)));
        var subtotal = items.stream().map(InvoiceItem::amount).reduce(Money.zero(USD), Money::plus);
        var tax = subtotal.times(new BigDecimal("0.0625")).roundedToMinorUnit();
        items.add(new InvoiceItem(items.size() + 1, InvoiceItem.Kind.TAX, "Massachusetts sales tax 6.25%", BigDecimal.ONE,
                null, tax, first, last, "", null, null, null));
        var posted = Instant.parse("2026-12-01T09:00:00Z");
        var invoice = new Invoice(new AccountId(new UUID(1, 2)), "8ad09c6488afbb320188b254bb1d427f",
                new AccountId(new UUID(1, 1)), "INV-000042", InvoicePeriod.month(month), ZoneId.of("America/New_York"), USD,
                InvoiceStatus.POSTED, subtotal, tax, subtotal.plus(tax), Money.zero(USD), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), posted, null, null, Instant.parse("2026-12-01T06:00:00Z"));
        return new InvoiceQueries.Details(invoice, items, List.of());
    }

    private static InvoiceItem line(List<InvoiceItem> items, InvoiceItem.Kind kind, String description, String quantity,
                                    String price, LocalDate start, LocalDate end, InvoiceItem.Usage usage) {
        var unit = new Money(new BigDecimal(price), USD);
        var amount = unit.times(new BigDecimal(quantity)).roundedToMinorUnit();
        return new InvoiceItem(items.size() + 1, kind, description, new BigDecimal(quantity), unit, amount, start, end, "",
                null, usage, null);
    }

    private static InvoiceItem usageLine(List<InvoiceItem> items, String description, BigDecimal minutes, String price,
                                         LocalDate start, LocalDate end, InvoiceItem.Usage usage) {
        return line(items, InvoiceItem.Kind.USAGE, description, minutes.toPlainString(), price, start, end, usage);
    }

    private static String capital(String type) {
        var words = type.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
