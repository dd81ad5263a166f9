package com.chargeline.usage.reports;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultProducers;
import org.jdbi.v3.core.statement.Query;

/**
 * The call- and SMS-charges reports: current rated records of one account in a time window, in
 * (time, id) order, a page at a time after a position (keyset paging on the report index, so any
 * page depth costs the same), and the window's total. The total never scans the window: whole UTC
 * hours come from the hourly rollup, only the partial hours at either end are counted from the
 * records (at most two hours' worth, through the same index). The statements are the files of
 * {@link ChargeReportRepository}.
 */
public final class ChargeReports {
    /** The two reports, by their kind in the hourly rollup. */
    public enum Kind {
        CALLS("call"),
        MESSAGES("sms");

        private final String rollupKind;

        Kind(String rollupKind) {
            this.rollupKind = rollupKind;
        }
    }

    /** Which records: one billing account's (calls only; null for all) and only those with a charge. */
    public record Filter(String billingAccountId, boolean chargesOnly) {
        public static final Filter ALL = new Filter(null, false);
    }

    /**
     * Sent before each page statement, in the same round trip (see {@link #secondResult}): no sort plans for the page.
     * The driver sends both statements with one Sync, so PostgreSQL runs them as one implicit transaction and the
     * local settings hold for the page's planning and end with it.
     */
    static final String NO_SORTS = "SELECT set_config('enable_sort', 'off', true),"
            + " set_config('enable_incremental_sort', 'off', true);\n";
    /*
     * The page statements are ChargeReportRepository's files, read once and run on the handle rather than through
     * the SqlObject proxy: a page is one indexed statement of about a millisecond, and the proxy's per-call work
     * (a configuration copy, the row-mapper registration) added 0.1–0.2 ms to each, about a tenth of the report's
     * throughput (docs/BENCHMARKS.md, issue 11). The counts are its files too, summed into one statement (total()).
     */
    private static final String CALLS_FIRST_PAGE = statement("callsFirstPage");
    private static final String CALLS_AFTER = statement("callsAfter");
    private static final String MESSAGES_FIRST_PAGE = statement("messagesFirstPage");
    private static final String MESSAGES_AFTER = statement("messagesAfter");
    /** The counting statements' text, by statement, for the totals read with a first page. */
    private static final Map<CountStatement, String> COUNT_STATEMENTS = countStatements();
    /** A named parameter in a statement's text ({@code :from}; never a {@code ::} cast). */
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("(?<![:\\w]):(\\w+)");
    private static final ChargeReportRepository.CallChargeMapper CALL_CHARGES = new ChargeReportRepository.CallChargeMapper();
    private static final ChargeReportRepository.SmsChargeMapper SMS_CHARGES = new ChargeReportRepository.SmsChargeMapper();

    private final Database db;

    public ChargeReports(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} calls after {@code after} (null: from the start of the window). */
    public List<CallCharge> calls(AccountId account, ReportWindow window, Filter filter, ReportPosition after, int limit) {
        return calls(account, window, filter, after, limit, false).rows();
    }

    /**
     * Up to {@code limit} calls after {@code after}, and with {@code total} the window's total too ({@link #count}),
     * read in the same round trip as the page.
     */
    public Page<CallCharge> calls(AccountId account, ReportWindow window, Filter filter, ReportPosition after, int limit,
                                  boolean total) {
        checkPosition(window, after);
        return db.withHandle(h -> run(page(h, after == null ? CALLS_FIRST_PAGE : CALLS_AFTER,
                total ? total(Kind.CALLS, account, window, filter) : Total.NONE, account, window, after, limit)
                .bind("billingAccount", filter.billingAccountId())
                .bind("chargesOnly", filter.chargesOnly()), CALL_CHARGES, total));
    }

    /** Up to {@code limit} messages after {@code after} (null: from the start of the window). */
    public List<SmsCharge> messages(AccountId account, ReportWindow window, boolean chargesOnly, ReportPosition after,
                                    int limit) {
        return messages(account, window, chargesOnly, after, limit, false).rows();
    }

    /** {@link #messages(AccountId, ReportWindow, boolean, ReportPosition, int)}, and with {@code total} the window's total. */
    public Page<SmsCharge> messages(AccountId account, ReportWindow window, boolean chargesOnly, ReportPosition after,
                                    int limit, boolean total) {
        checkPosition(window, after);
        return db.withHandle(h -> run(page(h, after == null ? MESSAGES_FIRST_PAGE : MESSAGES_AFTER,
                total ? total(Kind.MESSAGES, account, window, new Filter(null, chargesOnly)) : Total.NONE,
                account, window, after, limit)
                .bind("chargesOnly", chargesOnly), SMS_CHARGES, total));
    }

    /** A page's rows and, when it was asked for, the window's total (else -1). */
    public record Page<T>(List<T> rows, long total) {
    }

    /**
     * Runs a page statement that {@link #NO_SORTS} precedes, with the total's statement between them when there is one
     * ({@link #page}): the rows are the last result, the total the one before them.
     */
    private static <T> Page<T> run(Query statements, RowMapper<T> mapper, boolean total) {
        long[] counted = {-1};
        var rows = statements.execute((executed, ctx) -> ResultProducers.createResultBearing(executed, statement -> {
            statement.getMoreResults();
            if (total) {
                try (var count = statement.getResultSet()) {
                    count.next();
                    counted[0] = count.getLong(1);
                }
                statement.getMoreResults();
            }
            return statement.getResultSet();
        }, ctx)).map(mapper).list();
        return new Page<>(rows, counted[0]);
    }

    /**
     * The rows of a page statement that {@link #NO_SORTS} precedes: its result is the second. The only plan that
     * answers a page without reading the account's whole window is the page index in its order (stopping at the
     * limit); while ingest adds thousands of rows a second to a month's partition, its statistics lag and PostgreSQL
     * costed an index scan of the account by call id plus a sort as cheaper: it read every row of the account in the
     * partitions (57 000 rows, 21 000 buffers, 0.3–2 s a page in the soak; docs/BENCHMARKS.md). Without sorts that
     * plan is never taken. One round trip: an explicit transaction around the two statements cost two more, about
     * 30 % of the report's throughput.
     */
    static <T> List<T> secondResult(Query statements, RowMapper<T> mapper) {
        return run(statements, mapper, false).rows();
    }

    /**
     * A page statement with the values every page binds: the account, the window, the position (if any), the limit;
     * and the total's statement, if any, between {@link #NO_SORTS} and the page.
     */
    private static Query page(Handle h, String sql, Total total, AccountId account, ReportWindow window,
                              ReportPosition after, int limit) {
        var query = h.createQuery(NO_SORTS + total.sql() + sql)
                .bindMap(total.values())
                .bind("account", account.value())
                .bind("from", utc(window.from()))
                .bind("until", utc(window.until()))
                .bind("limit", limit);
        if (after != null) {
            query.bind("afterTime", utc(after.time())).bind("afterId", after.id());
        }
        return query;
    }

    /** A window's total as one statement (with its closing {@code ;}): the sum of its counts, and the values it binds. */
    private record Total(String sql, Map<String, Object> values) {
        static final Total NONE = new Total("", Map.of());
    }

    /** The counts of a window's total added up in one statement, each count's parameters renamed apart ({@code :t1_from}). */
    private static Total total(Kind kind, AccountId account, ReportWindow window, Filter filter) {
        var sql = new StringBuilder("SELECT ");
        var values = new LinkedHashMap<String, Object>();
        var counts = counts(kind, account.value(), window, filter);
        for (int i = 0; i < counts.size(); i++) {
            var count = counts.get(i);
            var prefix = "t" + i + "_";
            sql.append(i == 0 ? "" : " + ").append("CAST((")
                    .append(PARAMETER.matcher(COUNT_STATEMENTS.get(count.statement())).replaceAll(":" + prefix + "$1"))
                    .append(") AS bigint)");
            count.values(kind).forEach((name, value) -> values.put(prefix + name, value));
        }
        return new Total(sql.append(";\n").toString(), values);
    }

    /** How many records the report has in the window, all pages together: the statement a first page sends too. */
    public long count(AccountId account, Kind kind, ReportWindow window, Filter filter) {
        var total = total(kind, account, window, filter);
        return db.withHandle(h -> h.createQuery(total.sql()).bindMap(total.values()).mapTo(Long.class).one());
    }

    /**
     * The plans of the counts that {@link #count} adds up for this window, each explained on its own (EXPLAIN ANALYZE,
     * same SQL and values), to show that a total costs rollup rows plus the partial hours' index entries, never a
     * scan of the window.
     */
    public List<String> countPlans(AccountId account, Kind kind, ReportWindow window, Filter filter) {
        var plans = new ArrayList<String>();
        db.withHandle(h -> {
            for (var c : counts(kind, account.value(), window, filter)) {
                var sql = COUNT_STATEMENTS.get(c.statement());
                var values = c.values(kind);
                plans.add("-- " + c.statement().method + " " + values);
                plans.addAll(h.createQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).bindMap(values)
                        .mapTo(String.class).list());
            }
            return null;
        });
        return plans;
    }

    /** Whether the account's directory has this billing account. */
    public boolean billingAccountExists(AccountId account, String billingAccountId) {
        return db.withRepository(ChargeReportRepository.class,
                r -> r.billingAccountExists(account.value(), billingAccountId));
    }

    private static Map<CountStatement, String> countStatements() {
        var statements = new java.util.EnumMap<CountStatement, String>(CountStatement.class);
        for (var statement : CountStatement.values()) {
            statements.put(statement, statement(statement.method));
        }
        return statements;
    }

    private static String statement(String name) {
        return ClasspathSqlLocator.removingComments().locate(ChargeReportRepository.class, name);
    }

    /** The counting statements, by their method (and file) in {@link ChargeReportRepository}. */
    private enum CountStatement {
        HOURS("countHours"),
        CALLS("countCalls"),
        CALLS_FILTERED("countCallsFiltered"),
        MESSAGES("countMessages"),
        CHARGED_MESSAGES("countChargedMessages");

        final String method;

        CountStatement(String method) {
            this.method = method;
        }
    }

    /** One counting statement of a total: records in [from, until), from the rollup (whole hours) or the records. */
    private record Count(CountStatement statement, UUID account, OffsetDateTime from, OffsetDateTime until,
                         String billingAccount, boolean chargesOnly) {
        /** The values by parameter name, as the statement's file names them. */
        Map<String, Object> values(Kind kind) {
            var values = new LinkedHashMap<String, Object>();
            values.put("account", account);
            boolean hours = statement == CountStatement.HOURS;
            if (hours) {
                values.put("kind", kind.rollupKind);
            }
            values.put(hours ? "fromHour" : "from", from);
            values.put(hours ? "untilHour" : "until", until);
            if (hours || statement == CountStatement.CALLS_FILTERED) {
                values.put("billingAccount", billingAccount);
                values.put("chargesOnly", chargesOnly);
            }
            return values;
        }
    }

    /** The statements that make up a window's total: partial hours from the records, whole hours from the rollup. */
    private static List<Count> counts(Kind kind, UUID account, ReportWindow window, Filter filter) {
        var billingAccount = kind == Kind.CALLS ? filter.billingAccountId() : null;
        boolean filtered = billingAccount != null || filter.chargesOnly();
        var records = kind == Kind.CALLS
                ? filtered ? CountStatement.CALLS_FILTERED : CountStatement.CALLS
                : filtered ? CountStatement.CHARGED_MESSAGES : CountStatement.MESSAGES;
        var firstFullHour = hourAtOrAfter(window.from());
        var endOfFullHours = Instant.ofEpochSecond(Math.floorDiv(window.until().getEpochSecond(), 3_600) * 3_600);
        var counts = new ArrayList<Count>(3);
        if (!firstFullHour.isBefore(endOfFullHours)) {
            addRecords(counts, records, account, window.from(), window.until(), billingAccount, filter.chargesOnly());
            return counts;
        }
        addRecords(counts, records, account, window.from(), firstFullHour, billingAccount, filter.chargesOnly());
        counts.add(new Count(CountStatement.HOURS, account, utc(firstFullHour), utc(endOfFullHours), billingAccount,
                filter.chargesOnly()));
        addRecords(counts, records, account, endOfFullHours, window.until(), billingAccount, filter.chargesOnly());
        return counts;
    }

    private static void addRecords(List<Count> counts, CountStatement statement, UUID account, Instant from,
                                   Instant until, String billingAccount, boolean chargesOnly) {
        if (from.isBefore(until)) {
            counts.add(new Count(statement, account, utc(from), utc(until), billingAccount, chargesOnly));
        }
    }

    private static void checkPosition(ReportWindow window, ReportPosition after) {
        if (after != null && after.time().isBefore(window.from())) {
            throw new IllegalArgumentException("position " + after + " before the window " + window);
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
}
