package com.chargeline.invoicing;

import java.time.Instant;

/**
 * One step of an invoice's life, in order: {@code draft} (from null), {@code post}, each {@code pay}, {@code void}
 * (its {@code detail} is the reason). {@code actor} is the API client (or command) that took the step.
 */
public record InvoiceAuditEntry(int auditNo, Instant at, String actor, String action, InvoiceStatus from,
                                InvoiceStatus to, String detail) {
}
