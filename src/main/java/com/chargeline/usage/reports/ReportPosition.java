package com.chargeline.usage.reports;

import java.time.Instant;

/** A record's place in report order (its time, then its id); pages continue after the last one shown. */
public record ReportPosition(Instant time, String id) {
}
