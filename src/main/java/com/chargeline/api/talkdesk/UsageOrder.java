package com.chargeline.api.talkdesk;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code order_by} of {@code GET /express/usage/month}: {@code field} or {@code field:direction}, with field
 * {@code id}, {@code month} or {@code account_id} and direction {@code asc} or {@code desc} (a bare field is
 * ascending, as in SQL and OData); absent or empty is Talkdesk's documented default {@code id:desc}. The endpoint maps the field to a fixed column and, when it is not {@code id}, adds {@code id} in
 * the same direction as a tie-breaker so pages are deterministic.
 */
public record UsageOrder(Field field, Direction direction) {
    /** Longest accepted {@code order_by}, in characters (Talkdesk's documented limit). */
    public static final int MAX_LENGTH = 40;
    public static final UsageOrder DEFAULT = new UsageOrder(Field.ID, Direction.DESC);

    private static final String PARAMETER = "order_by";

    public enum Field {
        ID("id"), MONTH("month"), ACCOUNT_ID("account_id");

        private final String wire;

        Field(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Direction {
        ASC("asc", "ASC"), DESC("desc", "DESC");

        private final String wire;
        private final String sql;

        Direction(String wire, String sql) {
            this.wire = wire;
            this.sql = sql;
        }

        public String wire() {
            return wire;
        }

        /** The SQL keyword, {@code ASC} or {@code DESC}. */
        public String sql() {
            return sql;
        }
    }

    public UsageOrder {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    /**
     * Parses the parameter's decoded value, exactly: lower-case, no spaces, one field.
     *
     * @throws UsageQueryError naming {@code order_by} and the problem
     */
    public static UsageOrder parse(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw error("order_by is " + length + " characters long; the maximum is " + MAX_LENGTH);
        }
        int colon = text.indexOf(':');
        var fieldText = colon < 0 ? text : text.substring(0, colon);
        var field = Arrays.stream(Field.values()).filter(f -> f.wire().equals(fieldText)).findFirst()
                .orElseThrow(() -> error("unknown field " + UsageFilterParser.shown(fieldText)
                        + " in order_by: expected id, month or account_id"));
        if (colon < 0) {
            return new UsageOrder(field, Direction.ASC);
        }
        var directionText = text.substring(colon + 1);
        var direction = Arrays.stream(Direction.values()).filter(d -> d.wire().equals(directionText)).findFirst()
                .orElseThrow(() -> error("unknown direction " + UsageFilterParser.shown(directionText)
                        + " in order_by: expected asc or desc after '" + field.wire() + ":'"));
        return new UsageOrder(field, direction);
    }

    /** The wire form, {@code field:direction}. */
    public String wire() {
        return field.wire() + ":" + direction.wire();
    }

    private static UsageQueryError error(String message) {
        return new UsageQueryError(PARAMETER, message);
    }
}
