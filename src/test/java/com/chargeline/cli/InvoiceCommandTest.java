package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.invoicing.InvoiceStatus;
import com.chargeline.testing.TestServer;
import org.junit.jupiter.api.Test;

/** {@code chargeline invoice run} against a running server's database (November 2026 has closed by the real clock). */
class InvoiceCommandTest {

    @Test
    void runs_a_closed_month_posts_with_post_and_issues_nothing_the_second_time() {
        try (var server = new TestServer()) {
            var master = server.master("CLI Invoiced");
            server.subscribe(master, "monthly", 3);
            var db = new String[] {"--db-url", server.dbUrl, "--db-user", "postgres"};

            var first = CliRun.of(concat(new String[] {"invoice", "run", "--period", "2026-11", "--account", master.id(),
                "--post"}, db));
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("invoice run 2026-11: 1 drafted (1 posted), 0 already invoiced,"
                    + " 0 with nothing to bill, 0 not closed yet in their time zone, 0 refused");
            var invoices = server.app.wiring().invoiceQueries.list(master.account().id(), null);
            assertThat(invoices).singleElement().satisfies(i -> {
                assertThat(i.status()).isEqualTo(InvoiceStatus.POSTED);
                assertThat(i.number()).isEqualTo("INV-000001");
            });

            var second = CliRun.of(concat(new String[] {"invoice", "run", "--period", "2026-11"}, db));
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).startsWith("invoice run 2026-11: 0 drafted,");
            assertThat(server.app.wiring().invoiceQueries.list(master.account().id(), null)).hasSize(1);
        }
    }

    @Test
    void a_refused_account_is_printed_with_its_reason_and_the_run_exits_1() {
        try (var server = new TestServer()) {
            var euro = server.master("CLI Euro");
            server.app.wiring().db.withHandle(h -> h.execute("UPDATE account SET currency = 'EUR' WHERE account_id = ?",
                    euro.account().id().value()));
            server.subscribe(euro, "monthly", 1);
            var result = CliRun.of("invoice", "run", "--period", "2026-11", "--account", euro.id(), "--db-url", server.dbUrl,
                    "--db-user", "postgres");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains("  refused: Account " + euro.id() + " cannot be invoiced for 2026-11: its plans"
                    + " are priced in USD and it is billed in EUR.");
            assertThat(result.reason()).isEqualTo("chargeline: 1 account(s) could not be invoiced");
        }
    }

    @Test
    void bad_periods_and_accounts_are_usage_errors() {
        var bad = CliRun.of("invoice", "run", "--period", "2026-13", "--data-dir", "/nonexistent/never-created");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.reason()).contains("'2026-13' is not a month (YYYY-MM)");
        var account = CliRun.of("invoice", "run", "--period", "2026-11", "--account", "nope");
        assertThat(account.exit()).isEqualTo(2);
        assertThat(account.reason()).isEqualTo("chargeline: --account must be a 22-character account id, got 'nope'");
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }
}
