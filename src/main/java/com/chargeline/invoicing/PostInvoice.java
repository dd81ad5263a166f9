package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;

/**
 * Posts a Draft: it takes the next number of its ISSUER ({@code INV-000001}, {@code INV-000002}, ...; six digits
 * at least, more when needed) and its invoice date (the account's day of posting) and due date
 * ({@value #NET_DAYS} days later), and stores its PDF ({@link InvoiceDocuments}), all in one transaction. From then
 * on its items, amounts and PDF never change.
 *
 * <p>Numbers are gapless per issuer, also across server processes sharing the database: the number is taken by one
 * upsert of the issuer's {@code invoice_number} row in the posting transaction; the row stays locked until that
 * transaction ends, so concurrent posts of one issuer queue, and a post that fails gives its number back.
 */
public final class PostInvoice {
    /** Days from the invoice date to the due date. */
    public static final int NET_DAYS = 30;
    /** What every invoice number starts with. */
    public static final String NUMBER_PREFIX = "INV-";
    private final Database db;
    private final Clock clock;
    private final InvoiceDocuments documents;

    /** {@code documents} renders and stores the posted invoice's PDF in the posting transaction. */
    public PostInvoice(Database db, Clock clock, InvoiceDocuments documents) {
        this.db = db;
        this.clock = clock;
        this.documents = documents;
    }

    /** The posted invoice; refused (400, code 2100) unless it is a Draft. */
    public Invoice post(AccountId account, String invoiceId, String actor) {
        return db.inTransaction(h -> {
            var repo = h.attach(InvoiceRepository.class);
            var invoice = Invoices.locked(repo, account, invoiceId);
            if (invoice.status() != InvoiceStatus.DRAFT) {
                throw Invoices.refused(invoice, "Invoice " + invoiceId + " is " + invoice.status().wire()
                        + ": only a Draft can be posted.");
            }
            var number = format(repo.nextNumber(invoice.issuerId().value()));
            var today = Calendars.today(clock, invoice.timeZone());
            var now = clock.instant();
            if (repo.post(account.value(), invoiceId, number, today, today.plusDays(NET_DAYS), now) != 1) {
                throw new IllegalStateException("a locked Draft was not posted: " + invoiceId);
            }
            var posted = Invoices.reload(repo, account, invoiceId);
            Invoices.audit(repo, posted, now, actor, "post", InvoiceStatus.DRAFT, InvoiceStatus.POSTED, number);
            documents.store(h, account, invoiceId, now);
            return posted;
        });
    }

    /** {@code INV-} and the number, zero-padded to six digits ({@code INV-000042}; {@code INV-1234567} past a million). */
    static String format(long number) {
        var digits = Long.toString(number);
        return NUMBER_PREFIX + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }
}
