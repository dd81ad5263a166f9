package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/** A payment recorded against an invoice: its number on the invoice (1, 2, ...), amount, day paid and reference. */
public record InvoicePayment(int paymentNo, Money amount, LocalDate paidOn, String reference, Instant recordedAt) {
}
