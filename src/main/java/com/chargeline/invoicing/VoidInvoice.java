package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;

/**
 * Voids a Draft or a Posted invoice that has no payments, with a required reason. A posted invoice keeps its number
 * (the number stays used: numbering has no gaps, and a void is not one), its items and amounts; the void is audited
 * with its reason. A Paid, partly paid or Void invoice is refused (400, code 2100).
 */
public final class VoidInvoice {
    /** The longest reason kept. */
    public static final int MAX_REASON = 500;
    private final Database db;
    private final Clock clock;

    public VoidInvoice(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The void invoice. */
    public Invoice voidInvoice(AccountId account, String invoiceId, String reason, String actor) {
        if (reason == null) {
            throw Invoices.badField("reason", "This field is required.");
        }
        if (reason.isBlank()) {
            throw Invoices.badField("reason", "Must not be blank.");
        }
        if (reason.length() > MAX_REASON) {
            throw Invoices.badField("reason", "At most " + MAX_REASON + " characters.");
        }
        return db.inTransaction(h -> {
            var repo = h.attach(InvoiceRepository.class);
            var invoice = Invoices.locked(repo, account, invoiceId);
            switch (invoice.status()) {
                case VOID -> throw Invoices.refused(invoice, "Invoice " + invoiceId + " is Void already.");
                case PAID -> throw Invoices.refused(invoice, "Invoice " + invoiceId + " is Paid: a paid invoice cannot be voided.");
                case DRAFT, POSTED -> { }
            }
            if (invoice.paid().signum() != 0) {
                throw Invoices.refused(invoice, "Invoice " + invoiceId + " has payments of " + Invoices.show(invoice.paid())
                        + ": it cannot be voided.");
            }
            var now = clock.instant();
            if (repo.voidInvoice(account.value(), invoiceId, reason, now) != 1) {
                throw new IllegalStateException("a locked invoice was not voided: " + invoiceId);
            }
            var voided = Invoices.reload(repo, account, invoiceId);
            Invoices.audit(repo, voided, now, actor, "void", invoice.status(), InvoiceStatus.VOID, reason);
            return voided;
        });
    }
}
