package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.limits.RateRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}/{@code demo} --rate-limits on|off and --rate-limit-rules FILE. */
class RateLimitOptionsTest {
    @TempDir
    Path dir;

    private static RateRules parse(String... args) {
        var options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options.rateRules();
    }

    @Test
    void on_by_default_with_the_built_in_rules_off_with_off_and_a_file_overrides() throws IOException {
        assertThat(parse()).isNotNull();
        assertThat(parse().version()).isEqualTo(RateRules.defaults().version());
        assertThat(parse("--rate-limits", "off")).isNull();
        var file = Files.writeString(dir.resolve("rules.json"),
                Files.readString(Path.of("src/test/resources/ratelimits/small-rules.json")));
        assertThat(parse("--rate-limit-rules", file.toString()).version()).isNotEqualTo(RateRules.defaults().version());
    }

    @Test
    void a_bad_setting_or_rules_file_stops_serve_and_demo_with_exit_2_and_one_line() throws IOException {
        var bad = Files.writeString(dir.resolve("bad.json"), "{\"pro_plans\":[],\"tables\":{}}");
        for (var command : new String[] {"serve", "demo"}) {
            for (var args : new String[][] {{"--rate-limits", "maybe"}, {"--rate-limit-rules", bad.toString()}}) {
                var err = new StringWriter();
                var cl = ChargelineCommand.commandLine();
                cl.setErr(new PrintWriter(err));
                cl.setOut(new PrintWriter(new StringWriter()));
                int exit = cl.execute(command, args[0], args[1], "--data-dir", "/nonexistent/never-created");
                assertThat(exit).as(command + " " + String.join(" ", args) + ": " + err).isEqualTo(2);
                assertThat(err.toString().strip().lines()).hasSize(1);
                assertThat(err.toString()).startsWith("chargeline: " + args[0]);
            }
        }
        assertThat(Files.exists(Path.of("/nonexistent/never-created"))).isFalse();
    }
}
