package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.v1.IngestGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve}/{@code demo}'s ingest bound: --ingest-concurrency, --ingest-queue, --ingest-wait-seconds, --ingest-nice. */
class IngestOptionsTest {
    private static IngestGate.Limit parse(String... args) {
        var options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options.operations().ingest();
    }

    @Test
    void defaults_and_each_option() {
        var defaults = parse();
        assertThat(defaults).isEqualTo(IngestGate.Limit.defaults());
        assertThat(defaults.nice()).isEqualTo(10);
        assertThat(parse("--ingest-nice", "0").nice()).isZero();
        assertThat(parse("--ingest-nice", "19").nice()).isEqualTo(19);
        assertThat(parse("--ingest-concurrency", "3", "--ingest-wait-seconds", "2"))
                .isEqualTo(new IngestGate.Limit(3, 6, Duration.ofSeconds(2), 10));
    }

    @Test
    void a_value_out_of_range_stops_serve_and_demo_with_exit_2_and_one_line() {
        for (var command : new String[] {"serve", "demo"}) {
            for (var args : new String[][] {{"--ingest-nice", "20"}, {"--ingest-nice", "-1"},
                    {"--ingest-concurrency", "0"}, {"--ingest-queue", "-1"}}) {
                var err = new StringWriter();
                var cl = ChargelineCommand.commandLine();
                cl.setErr(new PrintWriter(err));
                cl.setOut(new PrintWriter(new StringWriter()));
                int exit = cl.execute(command, args[0], args[1], "--data-dir", "/nonexistent/never-created");
                assertThat(exit).as(command + " " + String.join(" ", args) + ": " + err).isEqualTo(2);
                assertThat(err.toString().strip().lines()).hasSize(1);
                assertThat(err.toString()).startsWith("chargeline: " + args[0] + " must be");
            }
        }
        assertThat(Files.exists(Path.of("/nonexistent/never-created"))).isFalse();
    }
}
