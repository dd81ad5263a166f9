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
    void a_malformed_account_id_fails_with_a_reason_before_touching_storage() {
        var result = run("client", "create", "--account", "nope", "--data-dir", "/nonexistent/never-created");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("chargeline: --account must be a 22-character account id, got 'nope'");
    }
}
