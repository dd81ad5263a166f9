package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** The tables of an invoice PDF: the lines (header row repeated on every page), the totals and the usage summary. */
final class InvoicePdfTables {
    /** The item table's header row, as the PDF shows it. */
    static final String[] ITEM_HEADER = {"Description", "Quantity", "Unit price", "Amount"};
    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);
    private static final Color RULE = new Color(0xC8, 0xCC, 0xD4);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final Currency currency;
    private final InvoicePeriod period;
    private final int minorDigits;

    InvoicePdfTables(Currency currency, InvoicePeriod period) {
        this.currency = currency;
        this.period = period;
        this.minorDigits = Math.max(0, currency.getDefaultFractionDigits());
    }

    /** Every line but tax (tax is shown with the totals); the header row repeats on every page. */
    PdfPTable items(java.util.List<InvoiceItem> items) {
        var table = new PdfPTable(new float[] {58, 12, 14, 16});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(10);
        for (int i = 0; i < ITEM_HEADER.length; i++) {
            table.addCell(header(ITEM_HEADER[i], i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        for (var item : items) {
            if (item.kind() == InvoiceItem.Kind.TAX) {
                continue;
            }
            var description = new Phrase(item.description(), InvoicePdf.BODY);
            var note = note(item);
            if (!note.isEmpty()) {
                description.add(new Phrase("\n" + note, InvoicePdf.SMALL));
            }
            table.addCell(body(description, Element.ALIGN_LEFT));
            table.addCell(body(new Phrase(quantity(item.quantity()), InvoicePdf.BODY), Element.ALIGN_RIGHT));
            table.addCell(body(new Phrase(item.unitPrice() == null ? "" : unitPrice(item.unitPrice()), InvoicePdf.BODY),
                    Element.ALIGN_RIGHT));
            table.addCell(body(new Phrase(amount(item.amount()), InvoicePdf.BODY), Element.ALIGN_RIGHT));
        }
        return table;
    }

    /** Subtotal, tax (with the tax lines' names), total, amount paid and balance due. */
    PdfPTable totals(Invoice invoice, java.util.List<InvoiceItem> items) {
        var table = new PdfPTable(new float[] {46, 36, 18});
        table.setWidthPercentage(100);
        table.setSpacingAfter(16);
        table.setKeepTogether(true);
        total(table, "Subtotal", invoice.subtotal(), false);
        var taxNames = items.stream().filter(i -> i.kind() == InvoiceItem.Kind.TAX).map(InvoiceItem::description)
                .distinct().toList();
        total(table, taxNames.isEmpty() ? "Tax" : "Tax (" + String.join(", ", taxNames) + ")", invoice.tax(), false);
        total(table, "Total", invoice.total(), true);
        total(table, "Amount paid", invoice.paid(), false);
        total(table, "Balance due", invoice.balance(), true);
        return table;
    }

    /** Calls by call type and country (calls, minutes, amount); its title and column names repeat on every page. */
    PdfPTable usageCalls(java.util.List<UsageSummary.CallRow> calls) {
        var table = summaryTable("Usage summary: calls by call type and country");
        row(table, true, "Call type", "Country", "Calls", "Minutes", "Amount");
        for (var r : calls) {
            row(table, false, r.type(), r.country(), Long.toString(r.calls()), minutes(r.billedSeconds()),
                    amount(r.amount()));
        }
        return table;
    }

    /** Messages by direction and type (messages, segments, amount). */
    PdfPTable usageMessages(java.util.List<UsageSummary.MessageRow> messages) {
        var table = summaryTable("Usage summary: messages by direction and type");
        row(table, true, "Direction", "Type", "Messages", "Segments", "Amount");
        for (var r : messages) {
            row(table, false, r.direction(), r.type(), Long.toString(r.messages()), Long.toString(r.segments()),
                    amount(r.amount()));
        }
        return table;
    }

    private static PdfPTable summaryTable(String titleText) {
        var table = new PdfPTable(new float[] {30, 24, 14, 14, 18});
        table.setWidthPercentage(100);
        table.setHeaderRows(2);
        table.setSpacingAfter(12);
        var title = new PdfPCell(new Phrase(titleText, InvoicePdf.HEADING));
        title.setColspan(5);
        title.setBorder(Rectangle.NO_BORDER);
        title.setPaddingBottom(6);
        table.addCell(title);
        return table;
    }

    private void row(PdfPTable table, boolean head, String... values) {
        for (int i = 0; i < values.length; i++) {
            int align = i < 2 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT;
            table.addCell(head ? header(values[i], align) : body(new Phrase(values[i], InvoicePdf.BODY), align));
        }
    }

    private void total(PdfPTable table, String label, Money value, boolean strong) {
        var font = strong ? InvoicePdf.BOLD : InvoicePdf.BODY;
        var blank = new PdfPCell(new Phrase(""));
        blank.setBorder(Rectangle.NO_BORDER);
        table.addCell(blank);
        var l = new PdfPCell(new Phrase(label, font));
        l.setBorder(strong ? Rectangle.TOP : Rectangle.NO_BORDER);
        l.setBorderColor(RULE);
        table.addCell(l);
        var v = new PdfPCell(new Phrase(amount(value) + " " + currency.getCurrencyCode(), font));
        v.setBorder(strong ? Rectangle.TOP : Rectangle.NO_BORDER);
        v.setBorderColor(RULE);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(v);
    }

    /** Dates of a line that does not cover the whole period, and who pays it. */
    private String note(InvoiceItem item) {
        var parts = new java.util.ArrayList<String>();
        if (!item.startDate().equals(period.start()) || !item.endDate().equals(period.end())) {
            parts.add(item.startDate() + " to " + item.endDate());
        }
        if (item.correctsPeriod() != null) {
            parts.add("corrects the period from " + item.correctsPeriod());
        }
        if (!item.chargeType().isEmpty()) {
            parts.add(item.chargeType());
        }
        return String.join(" | ", parts);
    }

    private static PdfPCell header(String text, int align) {
        var c = new PdfPCell(new Phrase(text, InvoicePdf.BOLD));
        c.setBackgroundColor(HEADER_FILL);
        c.setBorderColor(RULE);
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        return c;
    }

    private static PdfPCell body(Phrase phrase, int align) {
        var c = new PdfPCell(phrase);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        return c;
    }

    /** An amount at the currency's minor unit with thousands separators: {@code 1,234.50}, {@code 1,200} for JPY. */
    String amount(Money money) {
        return format(money.amount().setScale(minorDigits, RoundingMode.HALF_UP), minorDigits);
    }

    /** A unit price: at least the minor unit's digits, more when the price has them ({@code 0.0125}). */
    String unitPrice(Money money) {
        var exact = money.amount().stripTrailingZeros();
        return format(exact, Math.max(minorDigits, Math.max(0, exact.scale())));
    }

    static String quantity(BigDecimal quantity) {
        var q = quantity.stripTrailingZeros();
        return format(q, Math.max(0, q.scale()));
    }

    /** Billed seconds as minutes to the hundredth ({@code 123}, {@code 2.5}). */
    static String minutes(long billedSeconds) {
        return quantity(BigDecimal.valueOf(billedSeconds).divide(SIXTY, 2, RoundingMode.HALF_UP));
    }

    private static String format(BigDecimal value, int digits) {
        var f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
