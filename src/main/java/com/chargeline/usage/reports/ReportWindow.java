package com.chargeline.usage.reports;

import java.time.Instant;
import java.util.Objects;

/** The time range of a report: records with {@code from <= time < until}. */
public record ReportWindow(Instant from, Instant until) {
    public ReportWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("until before from: " + from + " .. " + until);
        }
    }
}
