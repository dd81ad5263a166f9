package com.chargeline.subscriptions;

import java.util.Locale;

/**
 * Where a plan line stands. A line is {@code ACTIVE} until its paid period ends after a cancellation
 * ({@code CANCELLED}) or until it is switched for another type ({@code EXPIRED}). Stored and shown
 * in lower case, as Zoom's plan objects show it.
 */
public enum SubscriptionStatus {
    ACTIVE, CANCELLED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored in {@code subscription.status} (a CHECK keeps it to these three). */
    public static SubscriptionStatus fromDb(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
