package com.chargeline.invoicing.reports;

import java.util.Optional;

/** Where a report is: {@code Processing} until a worker writes it, then {@code Completed}, or {@code Failed}. */
public enum InvoiceReportStatus {
    PROCESSING("Processing"),
    COMPLETED("Completed"),
    FAILED("Failed");

    private final String stored;

    InvoiceReportStatus(String stored) {
        this.stored = stored;
    }

    /** The stored text ({@code Processing}, {@code Completed}, {@code Failed}). */
    public String stored() {
        return stored;
    }

    static Optional<InvoiceReportStatus> fromStored(String text) {
        for (var s : values()) {
            if (s.stored.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static InvoiceReportStatus stored(String text) {
        return fromStored(text).orElseThrow(() -> new IllegalStateException("stored invoice report status is not valid: " + text));
    }
}
