package com.chargeline.common.time;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Time zones as Chargeline stores them (IANA names such as {@code America/Los_Angeles}). One rule for
 * every reader: a stored value that is not a zone is an error, never a silent UTC, because a wrong
 * zone moves usage and plan dates into another day or month of the customer's calendar.
 */
public final class Zones {
    private Zones() {
    }

    /** The zone named by a stored value; throws {@link IllegalStateException} when it names none. */
    public static ZoneId stored(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalStateException("stored time zone '" + value + "' is not a time zone", e);
        }
    }
}
