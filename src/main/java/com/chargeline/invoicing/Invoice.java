package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * An invoice of {@code accountId} for {@code period}, issued and numbered by {@code issuerId} (the master for a
 * master-paid sub account, else the account itself). {@code number} is null while Draft ({@code INV-000001} once
 * posted, and kept when voided). Amounts are sums of lines rounded to the currency's minor unit:
 * {@code total = subtotal + tax}; {@code paid} is the sum of the payments; {@link #balance()} is what is still due.
 * {@code invoiceDate} (the account's day of posting), {@code dueDate} and {@code postedAt} are null while Draft.
 */
public record Invoice(AccountId accountId, String invoiceId, AccountId issuerId, String number, InvoicePeriod period,
                      ZoneId timeZone, Currency currency, InvoiceStatus status, Money subtotal, Money tax, Money total,
                      Money paid, LocalDate invoiceDate, LocalDate dueDate, Instant postedAt, Instant voidedAt,
                      String voidReason, Instant createdAt) {
    public Invoice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paid, "paid");
    }

    /** What is still due: the total less the payments (zero once Paid). */
    public Money balance() {
        return total.minus(paid);
    }
}
