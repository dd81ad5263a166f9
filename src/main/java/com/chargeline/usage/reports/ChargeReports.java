package com.chargeline.usage.reports;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The call- and SMS-charges reports: current rated records of one account in a time window, in
 * (time, id) order, a page at a time after a position (keyset paging on the report index, so any
 * page depth costs the same), and the window's total. The total never scans the window: whole UTC
 * days come from the daily rollup, only the partial days at either end are counted from the
 * records (at most two days' worth, through the same index).
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
        var firstFullDay = dayAtOrAfter(window.from());
        var endOfFullDays = LocalDate.ofEpochDay(Math.floorDiv(window.until().getEpochSecond(), 86_400));
        return db.withHandle(h -> {
            if (!firstFullDay.isBefore(endOfFullDays)) {
                return countRecords(h, kind, account, window.from(), window.until(), filter);
            }
            return countRecords(h, kind, account, window.from(), start(firstFullDay), filter)
                    + rollupRecords(h, kind, account, firstFullDay, endOfFullDays, filter)
                    + countRecords(h, kind, account, start(endOfFullDays), window.until(), filter);
        });
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
        var sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(kind.table)
                .append(" WHERE account_id = :account AND current AND ").append(kind.time).append(" >= :from AND ")
                .append(kind.time).append(" < :until");
        if (after != null) {
            sql.append(" AND (account_id, ").append(kind.time).append(", ").append(kind.id)
                    .append(") > (:account, :afterTime, :afterId)");
        }
        filters(sql, filter);
        sql.append(" ORDER BY ").append(kind.time).append(", ").append(kind.id).append(" LIMIT :limit");
        var query = h.createQuery(sql.toString());
        bindWindow(query, account, window.from(), window.until(), filter);
        if (after != null) {
            query.bind("afterTime", utc(after.time())).bind("afterId", after.id());
        }
        return query.bind("limit", limit);
    }

    private static long countRecords(Handle h, Kind kind, AccountId account, Instant from, Instant until, Filter filter) {
        if (!from.isBefore(until)) {
            return 0;
        }
        var sql = new StringBuilder("SELECT count(*) FROM ").append(kind.table)
                .append(" WHERE account_id = :account AND current AND ").append(kind.time).append(" >= :from AND ")
                .append(kind.time).append(" < :until");
        filters(sql, filter);
        var query = h.createQuery(sql.toString());
        bindWindow(query, account, from, until, filter);
        return query.mapTo(Long.class).one();
    }

    private static long rollupRecords(Handle h, Kind kind, AccountId account, LocalDate from, LocalDate until,
                                      Filter filter) {
        var sql = new StringBuilder("SELECT coalesce(sum(records), 0) FROM usage_daily WHERE account_id = :account "
                + "AND kind = :kind AND day >= :fromDay AND day < :untilDay");
        if (filter.billingAccountId() != null) {
            sql.append(" AND billing_account_id = :billingAccount");
        }
        if (filter.chargesOnly()) {
            sql.append(" AND charged");
        }
        var query = h.createQuery(sql.toString()).bind("account", account.value()).bind("kind", kind.rollupKind)
                .bind("fromDay", from).bind("untilDay", until);
        if (filter.billingAccountId() != null) {
            query.bind("billingAccount", filter.billingAccountId());
        }
        return query.mapTo(Long.class).one();
    }

    private static void filters(StringBuilder sql, Filter filter) {
        if (filter.billingAccountId() != null) {
            sql.append(" AND billing_account_id = :billingAccount");
        }
        if (filter.chargesOnly()) {
            sql.append(" AND total_charge > 0");
        }
    }

    private static void bindWindow(SqlStatement<?> query, AccountId account, Instant from, Instant until, Filter filter) {
        query.bind("account", account.value()).bind("from", utc(from)).bind("until", utc(until));
        if (filter.billingAccountId() != null) {
            query.bind("billingAccount", filter.billingAccountId());
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate dayAtOrAfter(Instant at) {
        long day = Math.floorDiv(at.getEpochSecond(), 86_400);
        boolean midnight = at.getEpochSecond() % 86_400 == 0 && at.getNano() == 0;
        return LocalDate.ofEpochDay(midnight ? day : day + 1);
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
