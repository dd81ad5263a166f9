package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChargelineCommandTest {
    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = ChargelineCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void prints_help_for_every_command() {
        for (var args : new String[][] {{"--help"}, {"serve", "--help"}, {"demo", "--help"},
                {"client", "create", "--help"}, {"account", "create-master", "--help"}}) {
            var result = run(args);
            assertThat(result.exit()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).contains("Usage: chargeline");
        }
        assertThat(run("serve", "--help").out()).contains("--port", "--data-dir", "--db-url");
    }

    @Test
    void bad_arguments_exit_non_zero_with_one_line() {
        for (var args : new String[][] {{"serve", "--port", "eighty"}, {"frobnicate"}, {"client", "create"}, {}}) {
            var result = run(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().strip().lines()).hasSize(1);
            assertThat(result.err()).startsWith("chargeline: ");
        }
    }

    @Test
    void a_malformed_account_id_is_bad_usage_reported_before_touching_storage() {
        var result = run("client", "create", "--account", "nope", "--data-dir", "/nonexistent/never-created");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("chargeline: --account must be a 22-character account id, got 'nope'");
    }

    private static void assertUsageError(Run result, String args, String message) {
        assertThat(result.exit()).as(args + "\n" + result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(args).hasSize(1);
        assertThat(result.err()).as(args).startsWith("chargeline: ").contains(message)
                .doesNotContainPattern("java\\.|Exception|class ");
    }

    @Test
    void bad_option_values_checked_in_code_exit_2_like_the_parser_s_own() {
        assertUsageError(run("serve", "--port", "99999", "--data-dir", "/nonexistent/never-created"), "--port 99999",
                "--port must be from 0 to 65535, got 99999");
        for (var command : new String[] {"rerate", "bench", "import"}) {
            var args = switch (command) {
                case "rerate" -> new String[] {"rerate", "--account", "nope", "--from", "2024-01-01", "--to", "2024-01-31"};
                case "bench" -> new String[] {"bench", "seed", "--account", "nope", "--month", "2024-01"};
                default -> new String[] {"import", "calls", "calls.csv", "--account", "nope"};
            };
            assertUsageError(run(args), command, "--account must be a 22-character account id, got 'nope'");
        }
    }

    @Test
    void dates_months_and_zones_are_refused_with_their_expected_shape_not_a_class_name() {
        var id = com.chargeline.common.id.AccountId.random().wire();
        assertUsageError(run("rerate", "--account", id, "--from", "2024-13-01", "--to", "2024-12-31"), "--from 2024-13-01",
                "'2024-13-01' is not a date (YYYY-MM-DD)");
        assertUsageError(run("rerate", "--account", id, "--from", "2024-01-01", "--to", "2024-02-30"), "--to 2024-02-30",
                "'2024-02-30' is not a date (YYYY-MM-DD)");
        assertUsageError(run("bench", "seed", "--account", id, "--month", "2024-13"), "--month 2024-13",
                "'2024-13' is not a month (YYYY-MM)");
        assertUsageError(run("bench", "seed", "--account", id, "--month", "2999-01", "--data-dir", "/nonexistent/never-created"),
                "--month 2999-01", "--month 2999-01 has not started yet");
        assertUsageError(run("rerate", "--account", id, "--from", "2024-02-01", "--to", "2024-01-31", "--data-dir",
                "/nonexistent/never-created"), "--to before --from", "--to 2024-01-31 is before --from 2024-02-01");
        assertUsageError(run("import", "calls", "x.csv", "--account", id, "--format", "asterisk", "--timezone", "Mars/Olympus"),
                "--timezone Mars/Olympus", "'Mars/Olympus' is not a time zone");
    }

    @Test
    void an_account_id_may_start_with_a_dash() {
        for (var id : new String[] {"-VzZFX2VRRiooWJ9px0BXg", "-hzZFX2VRRiooWJ9px0BXg", "--zZFX2VRRiooWJ9px0BXg"}) {
            assertUsageError(run("client", "list", "--account", id, "--data-dir", "/nonexistent/never-created", "--db-url", ""),
                    id, "/nonexistent/never-created is not a Chargeline data dir");
        }
    }

    @Test
    void an_unreadable_file_is_bad_usage() {
        var id = com.chargeline.common.id.AccountId.random().wire();
        assertUsageError(run("import", "calls", "/nonexistent/calls.csv", "--account", id), "import /nonexistent",
                "cannot read /nonexistent/calls.csv");
    }

    @Test
    void a_directory_that_is_not_a_data_dir_is_refused_and_left_untouched(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var id = com.chargeline.common.id.AccountId.random().wire();
        var file = java.nio.file.Files.writeString(dir.resolve("calls.csv"), "call_log_id\n");
        var empty = dir.resolve("empty");
        for (var args : new String[][] {
            {"client", "create", "--account", id}, {"client", "list", "--account", id},
            {"client", "revoke", "--account", id, "--client", "x"}, {"rerate", "--account", id, "--from", "2026-11-01", "--to", "2026-11-30"},
            {"bench", "seed", "--account", id, "--month", "2026-11"}, {"import", "calls", file.toString(), "--account", id},
            {"account", "create-master", "--name", "N", "--email", "n@example.com", "--first-name", "F", "--last-name", "L"}}) {
            var withDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data-dir",
                    empty.toString(), "--db-url", "")).toArray(String[]::new);
            var result = run(withDir);
            assertUsageError(result, String.join(" ", args), empty + " is not a Chargeline data dir");
            assertThat(result.err()).contains("run 'chargeline serve' or 'chargeline demo' once", "or pass --db-url");
        }
        assertThat(empty).doesNotExist();
    }
}
