package com.chargeline.invoicing;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the invoice use cases share: loading an invoice for a change, and their errors. */
final class Invoices {
    private Invoices() {
    }

    /** The account's invoice, row-locked until the transaction ends; 404 when the account has no such invoice. */
    static Invoice locked(InvoiceRepository repo, AccountId account, String invoiceId) {
        return repo.lock(account.value(), invoiceId).map(InvoiceRepository.InvoiceRow::invoice)
                .orElseThrow(() -> notFound(invoiceId));
    }

    /** The account's invoice as it is now (after a change, in the changing transaction). */
    static Invoice reload(InvoiceRepository repo, AccountId account, String invoiceId) {
        return repo.find(account.value(), invoiceId).map(InvoiceRepository.InvoiceRow::invoice)
                .orElseThrow(() -> new IllegalStateException("invoice vanished: " + invoiceId));
    }

    /** Appends a step to the invoice's audit; {@code from} is null for its creation. */
    static void audit(InvoiceRepository repo, Invoice invoice, Instant at, String actor, String action,
                      InvoiceStatus from, InvoiceStatus to, String detail) {
        repo.insertAudit(invoice.accountId().value(), invoice.invoiceId(), at, actor, action,
                from == null ? null : from.wire(), to.wire(), detail);
    }

    static NotFound notFound(String invoiceId) {
        return new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "Invoice does not exist: " + invoiceId + ".",
                Map.of("id", invoiceId));
    }

    /** A life-cycle step the invoice's status refuses (400, code 2100). */
    static Invalid refused(Invoice invoice, String message) {
        return new Invalid(ErrorCode.INVOICE_STATE, message, Map.of("id", invoice.invoiceId(),
                "status", invoice.status().wire()));
    }

    /** One bad field of a request (400, code 300 "Validation Failed."). */
    static Invalid badField(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError(field, message)));
    }

    /** An amount as messages show it: {@code 12.50 USD}, at the currency's minor unit. */
    static String show(Money money) {
        return money.roundedToMinorUnit().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
