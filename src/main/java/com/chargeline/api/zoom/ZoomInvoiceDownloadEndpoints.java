package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.common.error.BillingException;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.invoicing.InvoiceDocuments;
import com.chargeline.invoicing.InvoiceQueries;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Zoom Billing (master): an invoice's PDF (B5 {@code downloadInvoicePDF} at {@code /api/download/...}, with and
 * without the {@code /v2} prefix, and B5b {@code downloadInvoicePDFFile}). The paths name no account: the invoice is
 * looked up among the caller's own invoices and those of the sub accounts whose master pays for them
 * ({@link AccountAccess#resolveForBilling}); any other id, another tenant's or a self-pay sub account's included, is
 * answered like a missing one: 400 / 2001 {@code InvoiceId does not exist: {invoiceId}.} (B4's text; B5's spec lists
 * only code 2001 with the account text, which a path without an account cannot produce).
 */
public final class ZoomInvoiceDownloadEndpoints implements EndpointGroup {
    private final AccountAccess access;
    private final InvoiceQueries queries;
    private final InvoiceDocuments documents;

    public ZoomInvoiceDownloadEndpoints(AccountAccess access, InvoiceQueries queries, InvoiceDocuments documents) {
        this.access = access;
        this.queries = queries;
        this.documents = documents;
    }

    @Override
    public void addEndpoints() {
        get("/api/download/billing/invoices/{invoiceId}", ctx -> download(ctx, ZoomOperations.DOWNLOAD_INVOICE));
        get("/v2/api/download/billing/invoices/{invoiceId}", ctx -> download(ctx, ZoomOperations.DOWNLOAD_INVOICE));
        get("/v2/billing/invoices/{invoiceId}/download", ctx -> download(ctx, ZoomOperations.DOWNLOAD_INVOICE_V2));
    }

    private void download(Context ctx, Operation operation) {
        var caller = BearerAuth.caller(ctx, operation).accountId();
        var invoiceId = ctx.pathParam("invoiceId");
        var owner = queries.holders(caller, invoiceId).stream().filter(a -> reachable(caller, a)).findFirst()
                .orElseThrow(() -> notFound(invoiceId));
        var pdf = documents.pdf(owner, invoiceId);
        ctx.status(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + invoiceId + ".pdf\"")
                .header("Content-Length", Integer.toString(pdf.length))
                .result(pdf);
    }

    /** True when the caller manages the account's billing: itself, or a sub account it pays for. */
    private boolean reachable(AccountId caller, AccountId account) {
        try {
            access.resolveForBilling(caller, account.wire(), "self pay");
            return true;
        } catch (BillingException e) {
            return false;
        }
    }

    private static Invalid notFound(String invoiceId) {
        return new Invalid(ErrorCode.INVOICE_ID_NOT_FOUND, "InvoiceId does not exist: " + invoiceId + ".",
                Map.of("id", invoiceId));
    }
}
