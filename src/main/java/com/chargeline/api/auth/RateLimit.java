package com.chargeline.api.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which rate limits an operation counts against: a table of the rate-limit rules ({@code zoom}, {@code zoom-phone},
 * {@code native}, {@code talkdesk}) and the operation's label in it. The numbers are in the rules file, not here.
 */
public record RateLimit(String table, Label label) {
    /** The tables operations name: a rules file must have each. */
    public static final java.util.List<String> TABLES = java.util.List.of("zoom", "zoom-phone", "native", "talkdesk");

    /** Zoom's request types ("Rate Limit Label"), with the casing Zoom sends in {@code X-RateLimit-Category}. */
    public enum Label {
        LIGHT("Light"), MEDIUM("Medium"), HEAVY("Heavy"), RESOURCE_INTENSIVE("Resource-intensive");

        private final String wire;

        Label(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Label> fromWire(String wire) {
            return Arrays.stream(values()).filter(l -> l.wire.equals(wire)).findFirst();
        }
    }

    /** Zoom's main REST API table (the billing and accounts endpoints). */
    public static RateLimit zoom(Label label) {
        return new RateLimit("zoom", label);
    }

    /** Zoom Phone's table (the phone charge reports). */
    public static RateLimit zoomPhone(Label label) {
        return new RateLimit("zoom-phone", label);
    }

    /** Chargeline's own API ({@code /api/v1}). */
    public static RateLimit nativeApi(Label label) {
        return new RateLimit("native", label);
    }

    /** The Talkdesk family ({@code /express}). */
    public static RateLimit talkdesk(Label label) {
        return new RateLimit("talkdesk", label);
    }
}
