package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Caller;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.money.Money;
import com.chargeline.common.time.Calendars;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.InvoiceStatus;
import com.chargeline.subscriptions.PlanQueries;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Zoom Billing B3 {@code GET /v2/accounts/{accountId}/billing/invoices} and B4
 * {@code GET /v2/accounts/{accountId}/billing/invoices/{invoiceId}}: an account's invoices as Zoom shows them.
 *
 * <p>Who may read them: the caller itself ({@code me}) and its master-paid sub accounts; an unknown account, or one the
 * caller may not reach, is 400 / 2001 {@code Account does not exist: {accountId}.} (400, not the 404 of B1: Zoom's spec
 * for these two operations says so). A master addressing a self-pay sub account gets 400 / 2100
 * {@code This subaccount is on self pay mode.}, as for B1 and B6 (the master does not pay its invoices). A free account
 * (no plan line in service and recorded as Free, which is what Get sub account details shows as {@code Free}) gets
 * 400 / 200 {@code Only available for Paid account: {id}.} from both operations (the spec's prerequisite "Pro or a
 * higher plan" is on both).
 *
 * <p>What an invoice shows: {@code status} is our status ({@code Draft}, {@code Posted}, {@code Paid}, {@code Void});
 * {@code target_date} is the period's last day; {@code invoice_date}, {@code due_date} and {@code invoice_number} are
 * absent until the invoice is posted; {@code balance} is what is still due (the total less payments; 0 once Void);
 * amounts are numbers at the currency's minor unit.
 */
public final class ZoomInvoiceEndpoints implements EndpointGroup {
    private static final String SELF_PAY = "This subaccount is on self pay mode.";
    private final AccountAccess access;
    private final PlanQueries plans;
    private final InvoiceQueries invoices;
    private final Clock clock;

    public ZoomInvoiceEndpoints(AccountAccess access, PlanQueries plans, InvoiceQueries invoices, Clock clock) {
        this.access = access;
        this.plans = plans;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** An invoice of B3's list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListedInvoice(BigDecimal balance, LocalDate dueDate, String id, LocalDate invoiceDate, String invoiceNumber,
                         String status, LocalDate targetDate, BigDecimal taxAmount, BigDecimal totalAmount) {
        static ListedInvoice of(Invoice i) {
            return new ListedInvoice(due(i), i.dueDate(), i.invoiceId(), i.invoiceDate(), i.number(),
                    i.status().wire(), i.period().end(), amount(i.tax()), amount(i.total()));
        }
    }

    /** B3's answer. */
    record InvoiceList(String currency, List<ListedInvoice> invoices) {
    }

    /** B4's answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvoiceDetails(BigDecimal balance, String currency, LocalDate dueDate, String id, LocalDate invoiceDate,
                          List<Item> invoiceItems, String invoiceNumber, String status, LocalDate targetDate,
                          BigDecimal taxAmount, BigDecimal totalAmount) {
        static InvoiceDetails of(Invoice i, List<Item> items) {
            return new InvoiceDetails(due(i), i.currency().getCurrencyCode(), i.dueDate(), i.invoiceId(),
                    i.invoiceDate(), items, i.number(), i.status().wire(), i.period().end(), amount(i.tax()),
                    amount(i.total()));
        }
    }

    /**
     * A line of B4. {@code charge_number} is {@code C-} and the line number in eight digits (unique within the
     * invoice); {@code charge_type} is {@code Billed on master} on a master-paid sub account's line, else the line's
     * kind ({@code plan}, {@code usage}, {@code tax}, {@code adjustment}, {@code credit}); {@code partner_sku} the plan
     * type of a plan or credit line; {@code purchase_order_number} the one its subscription was bought with;
     * {@code quantity} rounded half-up to a whole number; a tax line carries its amount as {@code tax_amount} and
     * {@code total_amount}, other lines {@code tax_amount} 0.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String chargeName, String chargeNumber, String chargeType, LocalDate endDate, String partnerSku,
                String purchaseOrderNumber, BigInteger quantity, LocalDate startDate, BigDecimal taxAmount,
                BigDecimal totalAmount) {
        static Item of(InvoiceItem t, Map<UUID, String> purchaseOrders) {
            var plan = t.plan();
            var total = amount(t.amount());
            var zero = BigDecimal.ZERO.setScale(total.scale());
            return new Item(t.description(), String.format(Locale.ROOT, "C-%08d", t.lineNo()),
                    t.chargeType().isEmpty() ? t.kind().wire() : t.chargeType(), t.endDate(),
                    plan == null ? null : plan.planType(), plan == null ? null : purchaseOrders.get(plan.subscriptionId()),
                    t.wholeQuantity(), t.startDate(), t.kind() == InvoiceItem.Kind.TAX ? total : zero, total);
        }
    }

    @Override
    public void addEndpoints() {
        get("/v2/accounts/{accountId}/billing/invoices", this::list);
        get("/v2/accounts/{accountId}/billing/invoices/{invoiceId}", this::details);
    }

    private void list(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.LIST_INVOICES);
        var account = paidAccount(ctx, caller);
        var range = ZoomInvoiceRange.read(ctx, Calendars.today(clock, account.profile().timeZone()));
        var listed = invoices.listDated(account.id(), range.from(), range.to()).stream().map(ListedInvoice::of).toList();
        ctx.json(new InvoiceList(account.profile().currency().getCurrencyCode(), listed));
    }

    private void details(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.INVOICE_DETAILS);
        var account = paidAccount(ctx, caller);
        var invoiceId = ctx.pathParam("invoiceId");
        var found = invoices.find(account.id(), invoiceId).orElseThrow(() -> new Invalid(ErrorCode.INVOICE_ID_NOT_FOUND,
                "InvoiceId does not exist: " + invoiceId + ".", Map.of("id", invoiceId)));
        var purchaseOrders = found.items().stream().anyMatch(t -> t.plan() != null)
                ? plans.purchaseOrderNumbers(account.id()) : Map.<UUID, String>of();
        ctx.json(InvoiceDetails.of(found.invoice(), found.items().stream().map(t -> Item.of(t, purchaseOrders)).toList()));
    }

    /** The addressed account, when the caller may read its invoices and it is a paid account. */
    private Account paidAccount(Context ctx, Caller caller) {
        Account account;
        try {
            account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"), SELF_PAY);
        } catch (NotFound e) {
            // Zoom's invoice operations answer a missing account with 400, not 404: same code and message
            throw new Invalid(e.code(), e.getMessage(), e.args());
        }
        if ("Free".equals(account.profile().type()) && !plans.hasPlan(account)) {
            throw new Invalid(ErrorCode.PLAN_STATE, "Only available for Paid account: " + account.id().wire() + ".",
                    Map.of("id", account.id().wire()));
        }
        return account;
    }

    /** What is still due; nothing on a void invoice. */
    private static BigDecimal due(Invoice i) {
        return i.status() == InvoiceStatus.VOID ? amount(Money.zero(i.currency())) : amount(i.balance());
    }

    /** An amount as a number at its currency's minor unit ({@code 110.17}, {@code 0.00}; {@code 1200} for JPY). */
    private static BigDecimal amount(Money m) {
        return m.withScale(Math.max(0, m.currency().getDefaultFractionDigits())).amount();
    }
}
