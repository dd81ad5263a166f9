package com.chargeline.invoicing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders an invoice to PDF (A4, the PDF standard fonts): the seller block, bill-to, number ({@code DRAFT} while
 * Draft), dates, period, currency, the itemised lines in a table whose header row repeats on every page, the totals
 * (subtotal, tax, total, amount paid, balance due), a usage summary by call type and country and by message type,
 * {@code VOID} and its reason on a void invoice, and "Page n of m" at the foot of every page.
 *
 * <p>Deterministic: the document's dates are the invoice's (posting, else creation), its file id is derived from
 * the invoice id and nothing reads the wall clock, so one invoice renders to the same bytes every time. The standard
 * fonts are not embedded, so text outside their Latin-1 repertoire is not shown.
 */
public final class InvoicePdf {
    static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
    static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font VOID_MARK = new Font(Font.HELVETICA, 16, Font.BOLD, new Color(0xB0, 0x20, 0x20));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ROOT);

    private final Seller seller;

    public InvoicePdf(Seller seller) {
        this.seller = Objects.requireNonNull(seller, "seller");
    }

    /** Whom an invoice is addressed to: the billing contact's name, the account's (company) name, address, e-mail. */
    public record BillTo(String name, String company, List<String> addressLines, String email) {
        public BillTo {
            name = Objects.requireNonNullElse(name, "");
            company = Objects.requireNonNullElse(company, "");
            email = Objects.requireNonNullElse(email, "");
            addressLines = addressLines.stream().filter(l -> l != null && !l.isBlank()).toList();
        }
    }

    /** The invoice as a PDF document. */
    public byte[] render(InvoiceQueries.Details details, BillTo billTo) {
        var invoice = details.invoice();
        var out = new ByteArrayOutputStream(16 * 1024);
        var document = new Document(PageSize.A4, 40, 40, 40, 56);
        var writer = PdfWriter.getInstance(document, out);
        var footer = new InvoicePdfFooter(label(invoice));
        writer.setPageEvent(footer);
        document.addTitle("Invoice " + label(invoice));
        document.addAuthor(seller.name());
        document.open();
        var id = fileId(invoice);
        var info = writer.getInfo();
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        var date = pdfDate(invoice);
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        document.add(header(invoice, billTo));
        if (invoice.status() == InvoiceStatus.VOID) {
            var mark = new Paragraph("VOID", VOID_MARK);
            mark.add(new Phrase("   " + Objects.requireNonNullElse(invoice.voidReason(), ""), BOLD));
            mark.setSpacingAfter(8);
            document.add(mark);
        }
        var tables = new InvoicePdfTables(invoice.currency(), invoice.period());
        document.add(tables.items(details.items()));
        document.add(tables.totals(invoice, details.items()));
        var summary = UsageSummary.of(details.items());
        if (!summary.calls().isEmpty()) {
            document.add(tables.usageCalls(summary.calls()));
        }
        if (!summary.messages().isEmpty()) {
            document.add(tables.usageMessages(summary.messages()));
        }
        document.close();
        return out.toByteArray();
    }

    /** The invoice's number, or {@code DRAFT} while it has none. */
    static String label(Invoice invoice) {
        return invoice.number() == null ? "DRAFT" : invoice.number();
    }

    private PdfPTable header(Invoice invoice, BillTo billTo) {
        var table = new PdfPTable(new float[] {55, 45});
        table.setWidthPercentage(100);
        table.setSpacingAfter(14);
        var left = cell();
        left.addElement(new Paragraph(seller.name(), HEADING));
        seller.addressLines().forEach(l -> left.addElement(new Paragraph(l, BODY)));
        if (!seller.email().isEmpty()) {
            left.addElement(new Paragraph(seller.email(), BODY));
        }
        if (!seller.taxId().isEmpty()) {
            left.addElement(new Paragraph("Tax ID: " + seller.taxId(), BODY));
        }
        var billed = new Paragraph("Bill to", BOLD);
        billed.setSpacingBefore(14);
        left.addElement(billed);
        for (var line : billToLines(billTo)) {
            left.addElement(new Paragraph(line, BODY));
        }
        table.addCell(left);
        var right = cell();
        var title = new Paragraph("INVOICE", TITLE);
        title.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(title);
        var facts = new PdfPTable(new float[] {45, 55});
        facts.setWidthPercentage(100);
        fact(facts, "Invoice number", label(invoice));
        fact(facts, "Status", invoice.status().wire());
        fact(facts, "Invoice date", invoice.invoiceDate() == null ? "-" : DAY.format(invoice.invoiceDate()));
        fact(facts, "Due date", invoice.dueDate() == null ? "-" : DAY.format(invoice.dueDate()));
        fact(facts, "Period", DAY.format(invoice.period().start()) + " - " + DAY.format(invoice.period().end()));
        fact(facts, "Currency", invoice.currency().getCurrencyCode());
        right.addElement(facts);
        table.addCell(right);
        return table;
    }

    private static List<String> billToLines(BillTo billTo) {
        var lines = new java.util.ArrayList<String>();
        if (!billTo.name().isBlank()) {
            lines.add(billTo.name());
        }
        if (!billTo.company().isBlank() && !billTo.company().equals(billTo.name())) {
            lines.add(billTo.company());
        }
        lines.addAll(billTo.addressLines());
        if (!billTo.email().isBlank()) {
            lines.add(billTo.email());
        }
        return lines;
    }

    private static void fact(PdfPTable table, String label, String value) {
        var l = new PdfPCell(new Phrase(label, SMALL));
        l.setBorder(Rectangle.NO_BORDER);
        l.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(l);
        var v = new PdfPCell(new Phrase(value, BOLD));
        v.setBorder(Rectangle.NO_BORDER);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(v);
    }

    private static PdfPCell cell() {
        var c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        return c;
    }

    /** The invoice's posting instant, else its creation: the document's creation and modification date. */
    private static PdfDate pdfDate(Invoice invoice) {
        var at = invoice.postedAt() != null ? invoice.postedAt() : invoice.createdAt();
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.setTimeInMillis(at == null ? 0 : at.toEpochMilli());
        calendar.set(Calendar.MILLISECOND, 0);
        return new PdfDate(calendar);
    }

    /** 16 bytes of the SHA-256 of the account and invoice id (the PDF's file id; no random or time part). */
    private static byte[] fileId(Invoice invoice) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(
                    (invoice.accountId().wire() + "/" + invoice.invoiceId()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
