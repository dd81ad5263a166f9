package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Caller;
import com.chargeline.api.auth.Operation;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.InvoicePayment;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.InvoiceStatus;
import com.chargeline.invoicing.PayInvoice;
import com.chargeline.invoicing.PostInvoice;
import com.chargeline.invoicing.VoidInvoice;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account's invoices under {@code /api/v1/accounts/{accountId}/invoices}: list (optionally by status), one with
 * its lines and payments, and the life-cycle steps post, pay and void. Amounts are decimal strings at the currency's
 * minor unit ({@code "12.50"}), in requests too: a JSON number is refused, so no client rounds money through a float.
 */
public final class NativeInvoiceEndpoints implements EndpointGroup {
    private static final String BASE = "/api/v1/accounts/{accountId}/invoices";
    /** A payment's amount: digits, and at most eight decimals (the currency's minor unit is checked by {@link PayInvoice}). */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,8})?");

    private final AccountAccess access;
    private final InvoiceQueries queries;
    private final UseCases useCases;
    private final ObjectMapper mapper;

    /** The life-cycle steps these endpoints offer. */
    public record UseCases(PostInvoice post, PayInvoice pay, VoidInvoice voids) {
    }

    public NativeInvoiceEndpoints(AccountAccess access, InvoiceQueries queries, UseCases useCases, ObjectMapper mapper) {
        this.access = access;
        this.queries = queries;
        this.useCases = useCases;
        this.mapper = mapper;
    }

    /** An invoice on the wire; {@code items} and {@code payments} only for one invoice, absent fields are not set yet. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvoiceView(String invoiceId, String accountId, String issuerAccountId, String number, String status,
                       LocalDate periodStart, LocalDate periodEnd, String timeZone, String currency, String subtotal,
                       String tax, String total, String paid, String balance, LocalDate invoiceDate, LocalDate dueDate,
                       Instant postedAt, Instant voidedAt, String voidReason, Instant createdAt, List<ItemView> items,
                       List<PaymentView> payments) {
        static InvoiceView of(Invoice i, List<ItemView> items, List<PaymentView> payments) {
            return new InvoiceView(i.invoiceId(), i.accountId().wire(), i.issuerId().wire(), i.number(), i.status().wire(),
                    i.period().start(), i.period().end(), i.timeZone().getId(), i.currency().getCurrencyCode(),
                    money(i.subtotal()), money(i.tax()), money(i.total()), money(i.paid()), money(i.balance()),
                    i.invoiceDate(), i.dueDate(), i.postedAt(), i.voidedAt(), i.voidReason(), i.createdAt(), items, payments);
        }

        static InvoiceView of(InvoiceQueries.Details d) {
            return of(d.invoice(), d.items().stream().map(ItemView::of).toList(),
                    d.payments().stream().map(PaymentView::of).toList());
        }
    }

    /** A line; {@code unit_price} and {@code corrects_period} only when the line has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(int lineNo, String kind, String description, String quantity, String unitPrice, String amount,
                    LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod) {
        static ItemView of(InvoiceItem t) {
            return new ItemView(t.lineNo(), t.kind().wire(), t.description(), t.quantity().toPlainString(),
                    t.unitPrice() == null ? null : t.unitPrice().toPlainString(), money(t.amount()), t.startDate(),
                    t.endDate(), t.chargeType(), t.correctsPeriod());
        }
    }

    /** A payment. */
    record PaymentView(int paymentNo, String amount, LocalDate paidOn, String reference, Instant recordedAt) {
        static PaymentView of(InvoicePayment p) {
            return new PaymentView(p.paymentNo(), money(p.amount()), p.paidOn(), p.reference(), p.recordedAt());
        }
    }

    /** An amount at its currency's minor unit ({@code 12.50}, {@code 1200} for JPY): invoice amounts are rounded so. */
    private static String money(Money m) {
        return m.withScale(Math.max(0, m.currency().getDefaultFractionDigits())).toPlainString();
    }

    @Override
    public void addEndpoints() {
        get(BASE, this::list);
        get(BASE + "/{invoiceId}", this::details);
        post(BASE + "/{invoiceId}/post", this::postInvoice);
        post(BASE + "/{invoiceId}/payments", this::pay);
        post(BASE + "/{invoiceId}/void", this::voidInvoice);
    }

    private record Target(Caller caller, AccountId account) {
    }

    private Target target(Context ctx, Operation operation) {
        var caller = BearerAuth.caller(ctx, operation);
        return new Target(caller, access.resolve(caller.accountId(), ctx.pathParam("accountId")).id());
    }

    private void list(Context ctx) {
        var account = target(ctx, NativeOperations.READ_INVOICES).account();
        var statusText = ctx.queryParam("status");
        InvoiceStatus status = null;
        if (statusText != null) {
            status = InvoiceStatus.fromWire(statusText).orElseThrow(() -> new Invalid(ErrorCode.VALIDATION_FAILED,
                    "Validation Failed.", Map.of(), List.of(new FieldError("status",
                    "Must be one of Draft, Posted, Paid, Void."))));
        }
        ctx.json(Map.of("invoices", queries.list(account, status).stream()
                .map(i -> InvoiceView.of(i, null, null)).toList()));
    }

    private void details(Context ctx) {
        var account = target(ctx, NativeOperations.READ_INVOICES).account();
        ctx.json(InvoiceView.of(queries.details(account, ctx.pathParam("invoiceId"))));
    }

    private void postInvoice(Context ctx) {
        var target = target(ctx, NativeOperations.WRITE_INVOICES);
        var id = ctx.pathParam("invoiceId");
        useCases.post().post(target.account(), id, target.caller().clientId());
        ctx.json(InvoiceView.of(queries.details(target.account(), id)));
    }

    private void pay(Context ctx) {
        var target = target(ctx, NativeOperations.WRITE_INVOICES);
        var id = ctx.pathParam("invoiceId");
        var body = JsonBody.closed(ctx, mapper, Set.of("amount", "paid_on", "reference"), Set.of());
        var amount = amount(body);
        var paidOnText = body.requiredString("paid_on");
        LocalDate paidOn = null;
        if (paidOnText != null) {
            try {
                paidOn = LocalDate.parse(paidOnText);
            } catch (DateTimeParseException e) {
                body.reject("paid_on", "Expected a date as yyyy-MM-dd.");
            }
        }
        var reference = body.string("reference");
        if (reference != null && reference.length() > PayInvoice.MAX_REFERENCE) {
            body.reject("reference", "At most " + PayInvoice.MAX_REFERENCE + " characters.");
        }
        body.check();
        useCases.pay().pay(target.account(), id, amount, paidOn, reference, target.caller().clientId());
        ctx.status(201).json(InvoiceView.of(queries.details(target.account(), id)));
    }

    private static BigDecimal amount(JsonBody body) {
        var node = body.root().get("amount");
        if (node == null) {
            body.reject("amount", "This field is required.");
            return null;
        }
        if (!node.isTextual() || !AMOUNT.matcher(node.asText()).matches()) {
            if (!node.isNull()) {
                body.reject("amount", "Expected a decimal string such as \"12.50\".");
            }
            return null;
        }
        return new BigDecimal(node.asText());
    }

    private void voidInvoice(Context ctx) {
        var target = target(ctx, NativeOperations.WRITE_INVOICES);
        var id = ctx.pathParam("invoiceId");
        var body = JsonBody.closed(ctx, mapper, Set.of("reason"), Set.of());
        var reason = body.requiredString("reason");
        if (reason != null && reason.length() > VoidInvoice.MAX_REASON) {
            body.reject("reason", "At most " + VoidInvoice.MAX_REASON + " characters.");
        }
        body.check();
        useCases.voids().voidInvoice(target.account(), id, reason, target.caller().clientId());
        ctx.json(InvoiceView.of(queries.details(target.account(), id)));
    }
}
