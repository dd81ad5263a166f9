package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.storage.Storage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline bench seed}: volume data for benchmarks and demos. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark helpers.",
        subcommands = {BenchCommand.Seed.class})
public final class BenchCommand extends ParentCommand {

    /** Seeds a month of rated usage through the ingest pipeline. */
    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Generate realistic rated calls and messages for an account's month (rated on its deck and plans, "
                    + "written with COPY, rollups kept). The account needs a deck and directory users with phone numbers.")
    public static final class Seed implements Runnable {
        @Mixin
        StorageOptions storage;
        @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
        String account;
        @Option(names = "--calls", defaultValue = "0", paramLabel = "N", description = "Calls to generate (default ${DEFAULT-VALUE}).")
        long calls;
        @Option(names = "--sms", defaultValue = "0", paramLabel = "M", description = "Messages to generate (default ${DEFAULT-VALUE}).")
        long sms;
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "UTC month; a current month is filled up to now.")
        YearMonth month;

        @Override
        public void run() {
            var id = UsageError.accountId(account);
            if (calls < 0 || sms < 0) {
                throw new UsageError("--calls and --sms must not be negative");
            }
            if (month.isAfter(YearMonth.now(Clock.systemUTC()))) {
                throw new UsageError("--month " + month + " has not started yet");
            }
            try (var store = Storage.open(storage.target(), null)) {
                var wiring = new Wiring(store.database(), Clock.systemUTC(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
                UsageError.requireAccount(wiring.accountQueries, id);
                var started = System.nanoTime();
                var summary = wiring.seedUsage.seed(id, month, calls, sms, (kind, done, total) -> {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("\r%s: %,d / %,d (%.0f s)%s", kind, done, total, seconds, done == total ? "\n" : "");
                    System.out.flush();
                });
                System.out.printf("seeded %,d calls and %,d messages into %s for %s in %.1f s%n", summary.calls(),
                        summary.messages(), month, account, summary.took().toMillis() / 1000.0);
            }
        }
    }
}
