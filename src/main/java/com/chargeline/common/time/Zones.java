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

    /**
     * The IANA zone a request names ({@code America/Los_Angeles}, {@code Asia/Kathmandu}, {@code UTC}), if it names
     * one. Fixed offsets ({@code +05:30}, {@code GMT+5}) are refused: PostgreSQL reads such names with the sign
     * inverted, and a place's offset changes with its rules while its name does not.
     */
    public static java.util.Optional<ZoneId> parse(String value) {
        if ("UTC".equals(value)) {
            return java.util.Optional.of(ZoneId.of("UTC"));
        }
        boolean place = value != null && value.contains("/") && !value.startsWith("Etc/") && !value.startsWith("SystemV/")
                && ZoneId.getAvailableZoneIds().contains(value);
        return place ? java.util.Optional.of(ZoneId.of(value)) : java.util.Optional.empty();
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
