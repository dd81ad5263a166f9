package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Reads of invoices: an account's list (optionally by status, newest period first), one with its lines and payments. */
public final class InvoiceQueries {
    private final Database db;

    public InvoiceQueries(Database db) {
        this.db = db;
    }

    /** An invoice with its lines (in order) and payments (oldest first), read from one snapshot. */
    public record Details(Invoice invoice, List<InvoiceItem> items, List<InvoicePayment> payments) {
        public Details {
            items = List.copyOf(items);
            payments = List.copyOf(payments);
        }
    }

    /** An invoice with its lines, in order. */
    public record WithItems(Invoice invoice, List<InvoiceItem> items) {
        public WithItems {
            items = List.copyOf(items);
        }
    }

    /**
     * The issued invoices (Posted, Paid and Void; a Draft may still change and is left out) of {@code accounts} whose
     * period overlaps the inclusive days {@code window}, with their lines, by account and period; read in the caller's
     * transaction (the invoice report worker's).
     */
    public List<WithItems> issuedOverlapping(Handle h, Collection<AccountId> accounts, InvoicePeriod window) {
        var repo = h.attach(InvoiceRepository.class);
        var ids = accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
        return repo.issuedOverlapping(ids, window.start(), window.end()).stream().map(InvoiceRepository.InvoiceRow::invoice)
                .map(invoice -> new WithItems(invoice, repo.items(invoice.accountId().value(), invoice.invoiceId()).stream()
                        .map(i -> i.item(invoice.currency())).toList()))
                .toList();
    }

    /** The account's invoices, newest period first; {@code status} null for every status. */
    public List<Invoice> list(AccountId account, InvoiceStatus status) {
        return db.withRepository(InvoiceRepository.class, r -> r.list(account.value(), status == null ? null : status.wire())
                .stream().map(InvoiceRepository.InvoiceRow::invoice).toList());
    }

    /**
     * The account's invoices dated in {@code from..to} (both inclusive, days of the account's zone), newest period
     * first. A posted invoice (also a paid one, or one voided after posting) is dated by its invoice date, the day it
     * was posted; one without an invoice date (a Draft, or a Draft voided before posting) by its target date, the last
     * day of its period.
     */
    public List<Invoice> listDated(AccountId account, LocalDate from, LocalDate to) {
        return db.withRepository(InvoiceRepository.class, r -> r.listDated(account.value(), from, to)
                .stream().map(InvoiceRepository.InvoiceRow::invoice).toList());
    }

    /** The account's invoice with its lines and payments; empty when the account has no such invoice. */
    public Optional<Details> find(AccountId account, String invoiceId) {
        return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                h -> read(h.attach(InvoiceRepository.class), account, invoiceId));
    }

    /** {@link #find} on the caller's handle (one snapshot when the caller's transaction is repeatable read). */
    static Optional<Details> read(InvoiceRepository repo, AccountId account, String invoiceId) {
        return repo.find(account.value(), invoiceId).map(InvoiceRepository.InvoiceRow::invoice).map(invoice -> {
            var currency = invoice.currency();
            var items = repo.items(account.value(), invoiceId).stream().map(i -> i.item(currency)).toList();
            var payments = repo.payments(account.value(), invoiceId).stream().map(p -> p.payment(currency)).toList();
            return new Details(invoice, items, payments);
        });
    }

    /**
     * The accounts, among {@code caller} and the accounts whose master it is, that hold an invoice with this id (in
     * practice none or one: ids are random). Whether the caller may read them is {@code AccountAccess}'s question.
     */
    public List<AccountId> holders(AccountId caller, String invoiceId) {
        return db.withRepository(InvoiceRepository.class, r -> r.holders(caller.value(), invoiceId)).stream()
                .map(AccountId::new).toList();
    }

    /** {@link #find}, or 404 ({@code Invoice does not exist: {id}.}). */
    public Details details(AccountId account, String invoiceId) {
        return find(account, invoiceId).orElseThrow(() -> Invoices.notFound(invoiceId));
    }

    /** Every step of the invoice's life, in order (empty for an unknown invoice). */
    public List<InvoiceAuditEntry> history(AccountId account, String invoiceId) {
        return db.withRepository(InvoiceRepository.class, r -> r.history(account.value(), invoiceId).stream()
                .map(InvoiceRepository.AuditRow::entry).toList());
    }
}
