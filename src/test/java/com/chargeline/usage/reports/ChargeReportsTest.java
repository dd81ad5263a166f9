package com.chargeline.usage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.chargeline.testing.TestPostgres;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counting statements: which files a total runs, and that their plans can be shown (bench/reports.sh prints them). */
class ChargeReportsTest {
    static Database db;
    static ChargeReports reports;
    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final ReportWindow MONTH = new ReportWindow(Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));
    static final ReportWindow PARTIAL_HOURS = new ReportWindow(Instant.parse("2026-10-03T10:17:00Z"),
            Instant.parse("2026-10-27T15:44:00Z"));

    @BeforeAll
    static void start() {
        db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
        reports = new ChargeReports(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_month_of_whole_hours_is_counted_from_the_rollup_alone() {
        assertThat(statements(ChargeReports.Kind.CALLS, MONTH, ChargeReports.Filter.ALL)).containsExactly("countHours");
        assertThat(reports.count(ACCOUNT, ChargeReports.Kind.CALLS, MONTH, ChargeReports.Filter.ALL)).isZero();
    }

    @Test
    void partial_hours_are_counted_from_the_records_index_only_without_a_filter() {
        assertThat(statements(ChargeReports.Kind.CALLS, PARTIAL_HOURS, ChargeReports.Filter.ALL))
                .containsExactly("countCalls", "countHours", "countCalls");
        assertThat(statements(ChargeReports.Kind.CALLS, PARTIAL_HOURS, new ChargeReports.Filter("BA-1", false)))
                .containsExactly("countCallsFiltered", "countHours", "countCallsFiltered");
        assertThat(statements(ChargeReports.Kind.CALLS, PARTIAL_HOURS, new ChargeReports.Filter(null, true)))
                .containsExactly("countCallsFiltered", "countHours", "countCallsFiltered");
        assertThat(statements(ChargeReports.Kind.MESSAGES, PARTIAL_HOURS, ChargeReports.Filter.ALL))
                .containsExactly("countMessages", "countHours", "countMessages");
        assertThat(statements(ChargeReports.Kind.MESSAGES, PARTIAL_HOURS, new ChargeReports.Filter(null, true)))
                .containsExactly("countChargedMessages", "countHours", "countChargedMessages");
        for (var kind : ChargeReports.Kind.values()) {
            for (var filter : new ChargeReports.Filter[] {ChargeReports.Filter.ALL, new ChargeReports.Filter(null, true)}) {
                assertThat(reports.count(ACCOUNT, kind, PARTIAL_HOURS, filter)).isZero();
            }
        }
    }

    @Test
    void the_first_page_and_a_later_page_run_on_an_empty_account() {
        assertThat(reports.calls(ACCOUNT, MONTH, new ChargeReports.Filter("BA-1", true), null, 31)).isEmpty();
        assertThat(reports.calls(ACCOUNT, MONTH, ChargeReports.Filter.ALL,
                new ReportPosition(Instant.parse("2026-10-05T00:00:00Z"), "c1"), 31)).isEmpty();
        assertThat(reports.messages(ACCOUNT, MONTH, true, null, 31)).isEmpty();
        assertThat(reports.messages(ACCOUNT, MONTH, false,
                new ReportPosition(Instant.parse("2026-10-05T00:00:00Z"), "m1"), 31)).isEmpty();
        assertThat(reports.billingAccountExists(ACCOUNT, "BA-1")).isFalse();
    }

    @Test
    void a_first_page_reads_its_total_in_the_same_statements() {
        for (var window : new ReportWindow[] {MONTH, PARTIAL_HOURS}) {
            for (var filter : new ChargeReports.Filter[] {ChargeReports.Filter.ALL, new ChargeReports.Filter("BA-1", true)}) {
                var calls = reports.calls(ACCOUNT, window, filter, null, 31, true);
                assertThat(calls.rows()).isEmpty();
                assertThat(calls.total()).isZero();
                var messages = reports.messages(ACCOUNT, window, filter.chargesOnly(), null, 31, true);
                assertThat(messages.rows()).isEmpty();
                assertThat(messages.total()).isZero();
            }
        }
        // without asking, no total
        assertThat(reports.calls(ACCOUNT, MONTH, ChargeReports.Filter.ALL, null, 31, false).total()).isEqualTo(-1);
    }

    @Test
    void a_page_statement_is_planned_without_sorts_and_the_setting_ends_with_it() {
        db.jdbi().useHandle(h -> {
            var during = ChargeReports.secondResult(h.createQuery(ChargeReports.NO_SORTS
                    + "SELECT current_setting('enable_sort') || ' ' || current_setting('enable_incremental_sort')"
                    + " || ' ' || :n").bind("n", 7), (rs, ctx) -> rs.getString(1));
            assertThat(during).containsExactly("off off 7");
            // the same connection afterwards: the settings were local to the two statements' implicit transaction
            assertThat(h.createQuery("SELECT current_setting('enable_sort') || ' ' || current_setting("
                    + "'enable_incremental_sort')").mapTo(String.class).one()).isEqualTo("on on");
            // and a plan that needs a sort shows none while the page's settings hold (a sort is costed prohibitively)
            var plan = ChargeReports.secondResult(h.createQuery(ChargeReports.NO_SORTS
                    + "EXPLAIN (COSTS ON) SELECT g FROM generate_series(1, 10) g ORDER BY g DESC"), (rs, ctx) -> rs.getString(1));
            assertThat(String.join("\n", plan)).contains("Sort").contains("cost=10000000000");
        });
    }

    private static java.util.List<String> statements(ChargeReports.Kind kind, ReportWindow window,
                                                     ChargeReports.Filter filter) {
        var plans = reports.countPlans(ACCOUNT, kind, window, filter);
        assertThat(plans).anyMatch(line -> line.contains("Execution Time"));
        return plans.stream().filter(line -> line.startsWith("-- ")).map(line -> line.substring(3, line.indexOf(' ', 3)))
                .toList();
    }
}
