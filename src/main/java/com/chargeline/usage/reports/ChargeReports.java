package com.chargeline.usage.reports;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The call- and SMS-charges reports: current rated records of one account in a time window, in
 * (time, id) order, a page at a time after a position (keyset paging on the report index, so any
 * page depth costs the same), and the window's total. The total never scans the window: whole UTC
 * hours come from the hourly rollup, only the partial hours at either end are counted from the
 * records (at most two hours' worth, through the same index).
 */
public final class ChargeReports {
    /** The two reports: the table, its time and id columns, and the rollup kind. */
    public enum Kind {
        CALLS("rated_call", "end_time", "call_log_id", "call"),
        MESSAGES("rated_sms", "sent_time", "message_id", "sms");

        private final String table;
        private final String time;
        private final String id;
        private final String rollupKind;

        Kind(String table, String time, String id, String rollupKind) {
            this.table = table;
            this.time = time;
            this.id = id;
            this.rollupKind = rollupKind;
        }
    }

    /** Which records: one billing account's (calls only; null for all) and only those with a charge. */
    public record Filter(String billingAccountId, boolean chargesOnly) {
        public static final Filter ALL = new Filter(null, false);
    }

    private static final String CALL_COLUMNS = "call_log_id, caller_number, caller_billing_number, callee_number, "
            + "callee_billing_number, call_type, service_type, calling_party_name, cost_center, employee_id, department, "
            + "end_time, duration_seconds, charge_mode, rate, currency, total_charge, charge_scale, billing_number, "
            + "forward_number_billing";
    private static final String SMS_COLUMNS = "session_id, message_id, message_type, from_number, from_extension_number, "
            + "from_display_name, to_number, to_extension_number, to_display_name, sent_time, billing_number, cost_center, "
            + "department, rate, currency, total_charge, charge_scale";

    private final Database db;

    public ChargeReports(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} calls after {@code after} (null: from the start of the window). */
    public List<CallCharge> calls(AccountId account, ReportWindow window, Filter filter, ReportPosition after, int limit) {
        return db.withHandle(h -> page(h, Kind.CALLS, CALL_COLUMNS, account, window, filter, after, limit)
                .map((rs, ctx) -> call(rs)).list());
    }

    /** Up to {@code limit} messages after {@code after} (null: from the start of the window). */
    public List<SmsCharge> messages(AccountId account, ReportWindow window, boolean chargesOnly, ReportPosition after,
                                    int limit) {
        return db.withHandle(h -> page(h, Kind.MESSAGES, SMS_COLUMNS, account, window, new Filter(null, chargesOnly), after,
                limit).map((rs, ctx) -> sms(rs)).list());
    }

    /** How many records the report has in the window, all pages together. */
    public long count(AccountId account, Kind kind, ReportWindow window, Filter filter) {
        return db.withHandle(h -> count(kind, account, window, filter,
                (sql, values) -> h.createQuery(sql).bindMap(values).mapTo(Long.class).one()));
    }

    /** Runs one counting statement. */
    private interface Counter {
        long run(String sql, Map<String, Object> values);
    }

    private static long count(Kind kind, AccountId account, ReportWindow window, Filter filter, Counter counter) {
        var firstFullHour = hourAtOrAfter(window.from());
        var endOfFullHours = Instant.ofEpochSecond(Math.floorDiv(window.until().getEpochSecond(), 3_600) * 3_600);
        if (!firstFullHour.isBefore(endOfFullHours)) {
            return countRecords(counter, kind, account, window.from(), window.until(), filter);
        }
        return countRecords(counter, kind, account, window.from(), firstFullHour, filter)
                + rollupRecords(counter, kind, account, firstFullHour, endOfFullHours, filter)
                + countRecords(counter, kind, account, endOfFullHours, window.until(), filter);
    }

    /**
     * The plans of the statements {@link #count} runs for this window (EXPLAIN ANALYZE, same SQL and
     * values), to show that a total costs rollup rows plus the partial days' index entries, never a
     * scan of the window.
     */
    public List<String> countPlans(AccountId account, Kind kind, ReportWindow window, Filter filter) {
        var plans = new ArrayList<String>();
        db.withHandle(h -> count(kind, account, window, filter, (sql, values) -> {
            plans.add("-- " + sql + " " + values);
            plans.addAll(h.createQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).bindMap(values)
                    .mapTo(String.class).list());
            return 0L;
        }));
        return plans;
    }

    /** Whether the account's directory has this billing account. */
    public boolean billingAccountExists(AccountId account, String billingAccountId) {
        return db.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM billing_account "
                        + "WHERE account_id = :account AND billing_account_id = :id)")
                .bind("account", account.value()).bind("id", billingAccountId).mapTo(Boolean.class).one());
    }

    private static org.jdbi.v3.core.statement.Query page(Handle h, Kind kind, String columns, AccountId account,
                                                         ReportWindow window, Filter filter, ReportPosition after,
                                                         int limit) {
        // After a position both bounds are row comparisons on the index's columns, so the scan starts at the
        // position and stops at the window's end. (With "account_id = :account" next to them, PostgreSQL starts
        // at the account's first entry and filters its way to the position: 2 800 pages read for the last page
        // of 300 000 records instead of 8.) "time >= :from" stays for partition pruning.
        var sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(kind.table).append(" WHERE current AND ");
        if (after == null) {
            sql.append("account_id = :account AND ").append(kind.time).append(" >= :from AND ").append(kind.time)
                    .append(" < :until");
        } else {
            sql.append("(account_id, ").append(kind.time).append(", ").append(kind.id)
                    .append(") > (:account, :afterTime, :afterId) AND (account_id, ").append(kind.time)
                    .append(") < (:account, :until) AND ").append(kind.time).append(" >= :from");
        }
        filters(sql, filter);
        sql.append(" ORDER BY account_id, ").append(kind.time).append(", ").append(kind.id).append(" LIMIT :limit");
        var query = h.createQuery(sql.toString()).bind("account", account.value()).bind("until", utc(window.until()));
        if (filter.billingAccountId() != null) {
            query.bind("billingAccount", filter.billingAccountId());
        }
        query.bind("from", utc(window.from()));
        if (after != null) {
            if (after.time().isBefore(window.from())) {
                throw new IllegalArgumentException("position " + after + " before the window " + window);
            }
            query.bind("afterTime", utc(after.time())).bind("afterId", after.id());
        }
        return query.bind("limit", limit);
    }

    private static long countRecords(Counter counter, Kind kind, AccountId account, Instant from, Instant until,
                                     Filter filter) {
        if (!from.isBefore(until)) {
            return 0;
        }
        var sql = new StringBuilder("SELECT count(*) FROM ").append(kind.table)
                .append(" WHERE account_id = :account AND current AND ").append(kind.time).append(" >= :from AND ")
                .append(kind.time).append(" < :until");
        filters(sql, filter);
        var values = new HashMap<String, Object>();
        values.put("account", account.value());
        values.put("from", utc(from));
        values.put("until", utc(until));
        if (filter.billingAccountId() != null) {
            values.put("billingAccount", filter.billingAccountId());
        }
        return counter.run(sql.toString(), values);
    }

    private static long rollupRecords(Counter counter, Kind kind, AccountId account, Instant from, Instant until,
                                      Filter filter) {
        var sql = new StringBuilder("SELECT coalesce(sum(records), 0) FROM usage_hourly WHERE account_id = :account "
                + "AND hour >= :fromHour AND hour < :untilHour AND kind = :kind");
        var values = new HashMap<String, Object>();
        values.put("account", account.value());
        values.put("kind", kind.rollupKind);
        values.put("fromHour", utc(from));
        values.put("untilHour", utc(until));
        if (filter.billingAccountId() != null) {
            sql.append(" AND billing_account_id = :billingAccount");
            values.put("billingAccount", filter.billingAccountId());
        }
        if (filter.chargesOnly()) {
            sql.append(" AND charged");
        }
        return counter.run(sql.toString(), values);
    }

    private static void filters(StringBuilder sql, Filter filter) {
        if (filter.billingAccountId() != null) {
            sql.append(" AND billing_account_id = :billingAccount");
        }
        if (filter.chargesOnly()) {
            sql.append(" AND total_charge > 0");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant hourAtOrAfter(Instant at) {
        long hour = Math.floorDiv(at.getEpochSecond(), 3_600);
        boolean onTheHour = at.getEpochSecond() % 3_600 == 0 && at.getNano() == 0;
        return Instant.ofEpochSecond((onTheHour ? hour : hour + 1) * 3_600);
    }

    private static CallCharge call(ResultSet rs) throws SQLException {
        return new CallCharge(rs.getString(1),
                new CallCharge.Parties(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)),
                new CallCharge.Attribution(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(19), rs.getString(20)),
                rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getInt(13),
                new CallCharge.Money(rs.getString(14), rs.getBigDecimal(15), rs.getString(16), rs.getBigDecimal(17),
                        rs.getInt(18)));
    }

    private static SmsCharge sms(ResultSet rs) throws SQLException {
        return new SmsCharge(rs.getString(1), rs.getString(2), rs.getString(3),
                new SmsCharge.Party(rs.getString(4), rs.getString(5), rs.getString(6)),
                new SmsCharge.Party(rs.getString(7), rs.getString(8), rs.getString(9)),
                rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11), rs.getString(12), rs.getString(13),
                new CallCharge.Money("", rs.getBigDecimal(14), rs.getString(15), rs.getBigDecimal(16), rs.getInt(17)));
    }
}
