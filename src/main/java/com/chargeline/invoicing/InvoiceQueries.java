package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.List;
import java.util.Optional;
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

    /** The account's invoices, newest period first; {@code status} null for every status. */
    public List<Invoice> list(AccountId account, InvoiceStatus status) {
        return db.withRepository(InvoiceRepository.class, r -> r.list(account.value(), status == null ? null : status.wire())
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
