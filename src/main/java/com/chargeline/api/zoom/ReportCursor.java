package com.chargeline.api.zoom;

import com.chargeline.usage.reports.ReportPosition;
import com.chargeline.usage.reports.ReportWindow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a report's page token carries (signed by {@link com.chargeline.api.paging.PageTokens}): the
 * window the first page resolved (so "the past 30 days" does not move while a client pages), the
 * total counted for the first page, and the last record shown.
 */
public record ReportCursor(ReportWindow window, long total, ReportPosition after) {
    public String wire() {
        return micros(window.from()) + "|" + micros(window.until()) + "|" + total + "|" + micros(after.time()) + "|"
                + after.id();
    }

    public static ReportCursor parse(String wire) {
        var parts = wire.split("\\|", 5);
        return new ReportCursor(new ReportWindow(instant(parts[0]), instant(parts[1])), Long.parseLong(parts[2]),
                new ReportPosition(instant(parts[3]), parts[4]));
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static Instant instant(String micros) {
        return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }
}
