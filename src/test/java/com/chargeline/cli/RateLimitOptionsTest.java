package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.limits.RateRules;
import java.io.IOException;
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
        CliRun.refusedByServeAndDemo("--rate-limits", "--rate-limits", "maybe");
        CliRun.refusedByServeAndDemo("--rate-limit-rules", "--rate-limit-rules", bad.toString());
    }
}
