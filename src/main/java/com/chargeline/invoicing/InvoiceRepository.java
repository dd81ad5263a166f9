package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
import com.chargeline.common.time.Zones;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Invoices, their items, payments, audit and the issuers' number counters. Every statement names the account;
 * no statement updates an item, a payment or an audit entry (the migration's triggers refuse it too).
 */
@UseClasspathSqlLocator
interface InvoiceRepository {

    /** Writes Drafts (dates and amounts as text, cast by the statement); the ids of those written. */
    @SqlQuery
    List<String> insertDrafts(@Bind("accountIds") UUID[] accountIds, @Bind("invoiceIds") String[] invoiceIds,
                              @Bind("issuerIds") UUID[] issuerIds, @Bind("periodStarts") String[] periodStarts,
                              @Bind("periodEnds") String[] periodEnds, @Bind("timeZones") String[] timeZones,
                              @Bind("currencies") String[] currencies, @Bind("subtotals") String[] subtotals,
                              @Bind("taxes") String[] taxes, @Bind("totals") String[] totals,
                              @Bind("createdAt") Instant createdAt);

    @SqlQuery
    Optional<String> invoiceForPeriod(@Bind("accountId") UUID accountId, @Bind("periodStart") LocalDate periodStart);

    @SqlQuery
    @RegisterConstructorMapper(InvoiceRow.class)
    Optional<InvoiceRow> find(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);

    /** {@link #find}, with the row locked until the transaction ends. */
    @SqlQuery
    @RegisterConstructorMapper(InvoiceRow.class)
    Optional<InvoiceRow> lock(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);

    /** The account's invoices, newest period first; {@code status} null for all. */
    @SqlQuery
    @RegisterConstructorMapper(InvoiceRow.class)
    List<InvoiceRow> list(@Bind("accountId") UUID accountId, @Bind("status") String status);

    /**
     * The account's invoices dated in {@code from..to} (inclusive): by invoice date once posted, by target date (the
     * period's last day) while they have none; newest period first.
     */
    @SqlQuery
    @RegisterConstructorMapper(InvoiceRow.class)
    List<InvoiceRow> listDated(@Bind("accountId") UUID accountId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** The accounts' Posted, Paid and Void invoices whose period overlaps the inclusive days {@code from} to {@code to}. */
    @SqlQuery
    @RegisterConstructorMapper(InvoiceRow.class)
    List<InvoiceRow> issuedOverlapping(@Bind("accountIds") UUID[] accountIds, @Bind("fromDate") LocalDate fromDate,
                                       @Bind("toDate") LocalDate toDate);

    /** The accounts among {@code caller} and its sub accounts holding an invoice with this id. */
    @SqlQuery
    List<UUID> holders(@Bind("caller") UUID caller, @Bind("invoiceId") String invoiceId);

    @SqlQuery
    @RegisterConstructorMapper(ItemRow.class)
    List<ItemRow> items(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);

    @SqlQuery
    @RegisterConstructorMapper(PaymentRow.class)
    List<PaymentRow> payments(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);

    @SqlQuery
    @RegisterConstructorMapper(AuditRow.class)
    List<AuditRow> history(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);

    /** Takes the issuer's next number (1, 2, ...); the counter stays locked until the transaction ends. */
    @SqlQuery
    long nextNumber(@Bind("issuerId") UUID issuerId);

    @SqlUpdate
    int post(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId, @Bind("number") String number,
             @Bind("invoiceDate") LocalDate invoiceDate, @Bind("dueDate") LocalDate dueDate,
             @Bind("postedAt") Instant postedAt);

    @SqlQuery
    int insertPayment(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId,
                      @Bind("amount") BigDecimal amount, @Bind("paidOn") LocalDate paidOn,
                      @Bind("reference") String reference, @Bind("recordedAt") Instant recordedAt);

    @SqlUpdate
    int pay(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId, @Bind("paid") BigDecimal paid,
            @Bind("status") String status);

    @SqlUpdate
    int voidInvoice(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId,
                    @Bind("reason") String reason, @Bind("voidedAt") Instant voidedAt);

    @SqlUpdate
    void insertAudit(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId, @Bind("at") Instant at,
                     @Bind("actor") String actor, @Bind("action") String action, @Bind("fromStatus") String fromStatus,
                     @Bind("toStatus") String toStatus, @Bind("detail") String detail);

    /** An invoice row as stored. */
    record InvoiceRow(UUID accountId, String invoiceId, UUID issuerAccountId, String number, LocalDate periodStart,
                      LocalDate periodEnd, String timeZone, String currency, String status, BigDecimal subtotal,
                      BigDecimal tax, BigDecimal total, BigDecimal paid, LocalDate invoiceDate, LocalDate dueDate,
                      Instant postedAt, Instant voidedAt, String voidReason, Instant createdAt) {
        Invoice invoice() {
            var cur = currencyOf(currency);
            return new Invoice(new AccountId(accountId), invoiceId, new AccountId(issuerAccountId), number,
                    new InvoicePeriod(periodStart, periodEnd), Zones.stored(timeZone), cur, InvoiceStatus.stored(status),
                    new Money(subtotal, cur), new Money(tax, cur), new Money(total, cur), new Money(paid, cur), invoiceDate,
                    dueDate, postedAt, voidedAt, voidReason, createdAt);
        }

        static Currency currencyOf(String code) {
            return Currencies.parse(code).orElseThrow(() -> new IllegalStateException("stored currency is not valid: " + code));
        }
    }

    /** An item row as stored. */
    record ItemRow(int lineNo, String kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                   BigDecimal amount, LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod,
                   String usageKind, String direction, String usageType, String country, Long records,
                   Long billedSeconds, Long segments, UUID subscriptionId, String planType) {
        InvoiceItem item(Currency currency) {
            var usage = usageKind == null ? null : new InvoiceItem.Usage(
                    UsageLine.Kind.stored(usageKind), direction, usageType,
                    country, records, billedSeconds, segments);
            var plan = subscriptionId == null ? null : new InvoiceItem.PlanRef(subscriptionId, planType);
            return new InvoiceItem(lineNo, InvoiceItem.Kind.stored(kind), description, quantity,
                    unitPrice == null ? null : new Money(unitPrice, currency), new Money(amount, currency), startDate, endDate,
                    chargeType, correctsPeriod, usage, plan);
        }
    }

    /** A payment row as stored. */
    record PaymentRow(int paymentNo, BigDecimal amount, LocalDate paidOn, String reference, Instant recordedAt) {
        InvoicePayment payment(Currency currency) {
            return new InvoicePayment(paymentNo, new Money(amount, currency), paidOn, reference, recordedAt);
        }
    }

    /** An audit row as stored. */
    record AuditRow(int auditNo, Instant at, String actor, String action, String fromStatus, String toStatus,
                    String detail) {
        InvoiceAuditEntry entry() {
            return new InvoiceAuditEntry(auditNo, at, actor, action,
                    fromStatus == null ? null : InvoiceStatus.stored(fromStatus), InvoiceStatus.stored(toStatus), detail);
        }
    }
}
