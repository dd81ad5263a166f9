package com.chargeline.invoicing;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountRepository;
import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.BillingContactRepository;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * An invoice's PDF. A posted invoice's is rendered once, by {@link PostInvoice} in its posting transaction
 * ({@link #store}), and from then on read back byte for byte, whatever changes later: the billing contact, the
 * seller block, a payment or a void (the Void status shows in the APIs). A Draft, or a Draft voided before it was
 * posted, is rendered on request and not stored. An invoice posted before documents were stored gets its PDF
 * rendered and stored on its first request, and keeps that one.
 */
public final class InvoiceDocuments {
    private final Database db;
    private final InvoicePdf pdf;
    private final Clock clock;

    public InvoiceDocuments(Database db, InvoicePdf pdf, Clock clock) {
        this.db = db;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The PDF of the account's invoice; 404 ({@code Invoice does not exist: {id}.}) when it has no such invoice. */
    public byte[] pdf(AccountId account, String invoiceId) {
        return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            var stored = h.attach(InvoiceDocumentRepository.class).find(account.value(), invoiceId);
            if (stored.isPresent()) {
                return stored.get();
            }
            var details = InvoiceQueries.read(h.attach(InvoiceRepository.class), account, invoiceId)
                    .orElseThrow(() -> Invoices.notFound(invoiceId));
            var rendered = pdf.render(details, billTo(h, account));
            if (details.invoice().number() == null) {
                return rendered;
            }
            // Posted before invoice_document existed (V2026_12_01_1100): stored now, on its first request, and kept.
            h.attach(InvoiceDocumentRepository.class).insertIfAbsent(account.value(), invoiceId, rendered,
                    sha256(rendered), clock.instant());
            return h.attach(InvoiceDocumentRepository.class).find(account.value(), invoiceId).orElseThrow();
        });
    }

    /** Renders the just-posted invoice and stores its PDF, in the caller's (posting) transaction. */
    void store(Handle h, AccountId account, String invoiceId, Instant at) {
        var details = InvoiceQueries.read(h.attach(InvoiceRepository.class), account, invoiceId)
                .orElseThrow(() -> new IllegalStateException("invoice vanished: " + invoiceId));
        var bytes = pdf.render(details, billTo(h, account));
        h.attach(InvoiceDocumentRepository.class).insert(account.value(), invoiceId, bytes, sha256(bytes), at);
    }

    /** The bill-to block as the account's billing contact and name read now. */
    private static InvoicePdf.BillTo billTo(Handle h, AccountId account) {
        var found = h.attach(AccountRepository.class).findById(account.value())
                .orElseThrow(() -> new IllegalStateException("invoice of a missing account: " + account.wire()));
        var contact = h.attach(BillingContactRepository.class).find(account.value()).orElse(null);
        return billTo(found, contact);
    }

    static InvoicePdf.BillTo billTo(Account account, BillingContact contact) {
        var company = account.profile().name();
        if (contact == null) {
            var owner = account.owner();
            return new InvoicePdf.BillTo(join(" ", owner.firstName(), owner.lastName()), company, List.of(),
                    owner.email());
        }
        var p = contact.person();
        var a = contact.address();
        var lines = new ArrayList<String>();
        lines.add(join(", ", a.address(), a.apt()));
        lines.add(join(" ", join(", ", a.city(), a.state()), a.zip()));
        lines.add(nullToEmpty(a.country()));
        var name = join(" ", p.firstName(), p.lastName());
        return new InvoicePdf.BillTo(name, company, lines, p.email());
    }

    private static String join(String separator, String... parts) {
        var kept = new ArrayList<String>();
        for (var part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return String.join(separator, kept);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
