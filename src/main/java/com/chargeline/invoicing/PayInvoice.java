package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Records a payment on a Posted invoice: an amount of the invoice's currency (more than zero, at most its minor unit
 * of decimals, at most the balance due) paid on a day that is not in the account's future. A partial payment leaves
 * a balance; the payment that brings the balance to zero makes the invoice Paid. A Draft, Paid or Void invoice
 * takes no payment (400, code 2100).
 */
public final class PayInvoice {
    /** The longest payment reference kept. */
    public static final int MAX_REFERENCE = 200;
    private final Database db;
    private final Clock clock;

    public PayInvoice(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The invoice after the payment. {@code reference} may be null (stored as empty). */
    public Invoice pay(AccountId account, String invoiceId, BigDecimal amount, LocalDate paidOn, String reference,
                       String actor) {
        if (amount == null) {
            throw Invoices.badField("amount", "This field is required.");
        }
        if (amount.signum() <= 0) {
            throw Invoices.badField("amount", "Must be more than 0.");
        }
        if (paidOn == null) {
            throw Invoices.badField("paid_on", "This field is required.");
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw Invoices.badField("reference", "At most " + MAX_REFERENCE + " characters.");
        }
        return db.inTransaction(h -> {
            var repo = h.attach(InvoiceRepository.class);
            var invoice = Invoices.locked(repo, account, invoiceId);
            var payment = checked(invoice, amount, paidOn);
            var now = clock.instant();
            int paymentNo = repo.insertPayment(account.value(), invoiceId, payment.amount(), paidOn,
                    reference == null ? "" : reference, now);
            var paid = invoice.paid().plus(payment).withScale(DraftInvoice.minorUnit(invoice.currency()));
            var status = paid.isEqualTo(invoice.total()) ? InvoiceStatus.PAID : InvoiceStatus.POSTED;
            if (repo.pay(account.value(), invoiceId, paid.amount(), status.wire()) != 1) {
                throw new IllegalStateException("a locked Posted invoice took no payment: " + invoiceId);
            }
            var after = Invoices.reload(repo, account, invoiceId);
            Invoices.audit(repo, after, now, actor, "pay", InvoiceStatus.POSTED, status, "payment " + paymentNo + ": "
                    + Invoices.show(payment) + " paid on " + paidOn);
            return after;
        });
    }

    /** The payment as money of the invoice, after the rules that need the invoice. */
    private Money checked(Invoice invoice, BigDecimal amount, LocalDate paidOn) {
        var currency = invoice.currency();
        int digits = DraftInvoice.minorUnit(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw Invoices.badField("amount", digits == 0
                    ? currency.getCurrencyCode() + " amounts are whole numbers."
                    : "At most " + digits + " decimals for " + currency.getCurrencyCode() + ".");
        }
        var today = Calendars.today(clock, invoice.timeZone());
        if (paidOn.isAfter(today)) {
            throw Invoices.badField("paid_on", "Must not be after today (" + today + " in " + invoice.timeZone() + ").");
        }
        var id = invoice.invoiceId();
        switch (invoice.status()) {
            case DRAFT -> throw Invoices.refused(invoice, "Invoice " + id + " is a Draft: post it before recording a payment.");
            case VOID -> throw Invoices.refused(invoice, "Invoice " + id + " is Void: it takes no payments.");
            case PAID -> throw Invoices.refused(invoice, "Invoice " + id + " is Paid: nothing is due.");
            case POSTED -> { }
        }
        var payment = new Money(amount.setScale(digits, java.math.RoundingMode.UNNECESSARY), currency);
        if (payment.minus(invoice.balance()).signum() > 0) {
            throw Invoices.refused(invoice, "A payment of " + Invoices.show(payment) + " is more than the balance due of "
                    + Invoices.show(invoice.balance()) + " on invoice " + id + ".");
        }
        return payment;
    }
}
