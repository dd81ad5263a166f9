package com.chargeline.invoicing.reports;

import com.chargeline.accounts.Account;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.InvoiceQueries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV of an invoice report (RFC 4180, a header row, CRLF line ends): one row per line of each issued invoice of
 * each sub account, accounts by account number, invoices by period, lines in order. Empty cells for what a line does
 * not have (a tax line's unit price, a plan line's usage counts, a posted invoice's void details).
 */
final class InvoiceReportCsv {
    static final List<String> COLUMNS = List.of("account_id", "account_name", "invoice_id", "invoice_number",
            "invoice_status", "period_start", "period_end", "invoice_date", "due_date", "currency", "line_no", "kind",
            "charge_name", "charge_type", "start_date", "end_date", "quantity", "unit_price", "amount", "usage_kind",
            "direction", "usage_type", "country", "records", "billed_seconds", "segments");

    private InvoiceReportCsv() {
    }

    /** The report of {@code accounts} (in their order) over {@code invoices}, the accounts' invoices by account. */
    static String write(List<Account> accounts, Map<AccountId, List<InvoiceQueries.WithItems>> invoices) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (var account : accounts) {
                for (var invoice : invoices.getOrDefault(account.id(), List.of())) {
                    for (var item : invoice.items()) {
                        printer.printRecord(row(account, invoice.invoice(), item));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static List<Object> row(Account account, Invoice invoice, InvoiceItem item) {
        var usage = item.usage();
        return java.util.Arrays.asList(account.id().wire(), account.profile().name(), invoice.invoiceId(), invoice.number(),
                invoice.status().wire(), day(invoice.period().start()), day(invoice.period().end()), day(invoice.invoiceDate()),
                day(invoice.dueDate()), invoice.currency().getCurrencyCode(), item.lineNo(), item.kind().wire(),
                item.description(), item.chargeType(), day(item.startDate()), day(item.endDate()),
                item.quantity().toPlainString(), plain(item.unitPrice()), plain(item.amount()),
                usage == null ? null : usage.kind().name().toLowerCase(Locale.ROOT),
                usage == null ? null : usage.direction(), usage == null ? null : usage.type(),
                usage == null ? null : usage.country(), usage == null ? null : usage.records(),
                usage == null ? null : usage.billedSeconds(), usage == null ? null : usage.segments());
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }
}
