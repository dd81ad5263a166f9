package com.chargeline.usage.reports;

import com.chargeline.accounts.Account;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * An account's usage totals over a period of days in its calendar ({@code from} to {@code to}, both included), in
 * total or grouped, from the daily rollups ({@code usage_days}, {@code usage_party_days}: the account's days, kept in
 * each ingest batch's transaction): a period costs its number of days' rows, never a read of the records.
 */
public final class UsageSummary {
    private static final String DAYS = ClasspathSqlLocator.removingComments().locate(UsageSummary.class, "days");
    private static final String PARTIES = ClasspathSqlLocator.removingComments().locate(UsageSummary.class, "parties");

    /** The longest period one summary adds up, in days (a leap year). */
    public static final int MAX_DAYS = 366;

    private final Database db;

    public UsageSummary(Database db) {
        this.db = db;
    }

    /**
     * What the rows are grouped by, as named on the wire ({@code group_by}), and the rollup and column that key them:
     * {@code none} one total row; call type holds a message's type (SMS, MMS) for messages.
     */
    public enum GroupBy {
        NONE("none", null, DAYS, "''"),
        DAY("day", "day", DAYS, "to_char(day, 'YYYY-MM-DD')"),
        CALL_TYPE("call_type", "call_type", DAYS, "usage_type"),
        DESTINATION_COUNTRY("destination_country", "destination_country", DAYS, "destination_country"),
        USER("user", "user_id", PARTIES, "user_id"),
        COST_CENTER("cost_center", "cost_center", PARTIES, "cost_center"),
        DEPARTMENT("department", "department", PARTIES, "department"),
        BILLING_ACCOUNT("billing_account", "billing_account_id", PARTIES, "billing_account_id");

        private final String wire;
        private final String column;
        private final String sql;
        private final String key;

        GroupBy(String wire, String column, String sql, String key) {
            this.wire = wire;
            this.column = column;
            this.sql = sql;
            this.key = key;
        }

        public String wire() {
            return wire;
        }

        /** The statement that sums this grouping (binds {@code :account}, {@code :from}, {@code :to}). */
        public String statement() {
            return sql.replace("<key>", key);
        }

        /** The name of the key in a row ({@code user_id}, {@code billing_account_id}, ...); none for {@link #NONE}. */
        public Optional<String> column() {
            return Optional.ofNullable(column);
        }

        public static Optional<GroupBy> fromWire(String s) {
            for (var g : values()) {
                if (g.wire.equals(s)) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }

        /** The wire names, for error messages and documentation. */
        public static List<String> wireNames() {
            return java.util.Arrays.stream(values()).map(GroupBy::wire).toList();
        }
    }

    /**
     * One row: its key ("" for {@link GroupBy#NONE} and for records without one), the calls and their billed seconds
     * (billed minutes: seconds / 60, half-up to 4 decimals, as the Talkdesk usage shows them), messages and their
     * segments, and the charges: the exact sum of the records' charges, in {@code currency}.
     */
    public record Row(String key, String currency, long calls, long billedSeconds, long messages, long segments,
                      BigDecimal charges) {
        public BigDecimal billedMinutes() {
            return plain(BigDecimal.valueOf(billedSeconds).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP));
        }

        /** The charges without trailing zeros, though at least at the currency's minor unit ({@code 12.50}, {@code 0.00}). */
        public BigDecimal charge() {
            int minor = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
            var stripped = charges.stripTrailingZeros();
            return stripped.setScale(Math.max(minor, stripped.scale()), RoundingMode.UNNECESSARY);
        }

        private static BigDecimal plain(BigDecimal d) {
            var stripped = d.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
        }
    }

    /**
     * The totals of {@code account} over {@code from}..{@code to} (the account's days, both included; the caller
     * checks the period), grouped by {@code groupBy}, ordered by key and currency. Groups that re-rating left without
     * records or charge are left out; {@link GroupBy#NONE} always has a row (zeros in the account's currency).
     */
    public List<Row> summarize(Account account, LocalDate from, LocalDate to, GroupBy groupBy) {
        var rows = db.jdbi().withHandle(h -> h.createQuery(groupBy.statement())
                .bind("account", account.id().value()).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Row(rs.getString("key"), rs.getString("currency"), rs.getLong("calls"),
                        rs.getLong("billed_seconds"), rs.getLong("messages"), rs.getLong("segments"),
                        rs.getBigDecimal("charges")))
                .list());
        if (rows.isEmpty() && groupBy == GroupBy.NONE) {
            return List.of(new Row("", account.profile().currency().getCurrencyCode(), 0, 0, 0, 0, BigDecimal.ZERO));
        }
        return rows;
    }

    /** A period's length in days, both ends included. */
    public static long days(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }
}
