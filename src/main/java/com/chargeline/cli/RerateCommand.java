package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.common.money.Money;
import com.chargeline.storage.Storage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline rerate --account ID --from DATE --to DATE}: re-rates whole months with the current deck. */
@Command(name = "rerate", mixinStandardHelpOptions = true,
        description = "Re-rate an account's calls with its current deck and plans (whole months covering --from..--to).")
public final class RerateCommand implements Runnable {
    @Mixin
    StorageOptions storage;
    @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
    String account;
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (yyyy-MM-dd, account's zone).")
    LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive.")
    LocalDate to;

    @Override
    public void run() {
        var id = UsageError.accountId(account);
        if (to.isBefore(from)) {
            throw new UsageError("--to " + to + " is before --from " + from);
        }
        try (var store = Storage.open(storage.target(), null)) {
            var wiring = new Wiring(store.database(), Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
            UsageError.requireAccount(wiring.accountQueries, id);
            var result = wiring.rerateCalls.rerate(id, from, to);
            System.out.printf("re-rated %d calls from %s to %s (exclusive): %d changed, total %s -> %s%n", result.calls(),
                    result.fromMonth(), result.toMonthExclusive(), result.changed(), amounts(result.before()),
                    amounts(List.of(result.after())));
        }
    }

    /** {@code 12.50 USD}, or {@code 3.00 EUR + 12.50 USD} when the months held charges in more than one currency. */
    private static String amounts(List<Money> amounts) {
        var shown = amounts.stream().filter(m -> !m.isZero()).toList();
        return String.join(" + ", (shown.isEmpty() ? amounts.subList(0, 1) : shown).stream()
                .map(m -> m.toPlainString() + " " + m.currency().getCurrencyCode()).toList());
    }
}
