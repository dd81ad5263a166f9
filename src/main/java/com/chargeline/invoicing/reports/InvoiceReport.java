package com.chargeline.invoicing.reports;

import com.chargeline.common.id.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A master's request for its sub accounts' invoice report over the inclusive days {@code startDate} to
 * {@code endDate}: {@code id} is its number as text (13 digits, like Zoom's {@code 1648670915000}, from one sequence
 * for all masters), {@code accountsTotal} the number of sub accounts asked for. It is kept {@link #RETENTION} from
 * {@code createdAt}, until {@code expiresAt}.
 */
public record InvoiceReport(AccountId master, String id, LocalDate startDate, LocalDate endDate, int accountsTotal,
                            InvoiceReportStatus status, Instant createdAt, Instant expiresAt) {
    /** How long a report is kept (and listed) after it was asked for. */
    public static final Duration RETENTION = Duration.ofDays(30);

    public InvoiceReport {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whole days left until the report expires at {@code now}, a part day counted as one (30 when just asked for). */
    public int remainingDays(Instant now) {
        long seconds = Duration.between(now, expiresAt).toSeconds();
        return seconds <= 0 ? 0 : (int) ((seconds + 86_399) / 86_400);
    }
}
