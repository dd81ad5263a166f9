package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.v1.IngestGate;
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
        CliRun.refusedByServeAndDemo("--ingest-nice must be from 0 to 19, got 20", "--ingest-nice", "20");
        CliRun.refusedByServeAndDemo("--ingest-nice must be from 0 to 19, got -1", "--ingest-nice", "-1");
        CliRun.refusedByServeAndDemo("--ingest-concurrency must be at least 1", "--ingest-concurrency", "0");
        CliRun.refusedByServeAndDemo("--ingest-queue must be 0 or more", "--ingest-queue", "-1");
    }
}
