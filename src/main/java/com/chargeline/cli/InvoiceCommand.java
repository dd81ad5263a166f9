package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline invoice run --period YYYY-MM [--account ID] [--post]}. */
@Command(name = "invoice", mixinStandardHelpOptions = true, description = "Invoice runs.",
        subcommands = {InvoiceCommand.Run.class})
public final class InvoiceCommand extends ParentCommand {

    /** Drafts the invoices of a closed month; a second run of the same month issues nothing new. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Draft the invoices of a month for every account whose month has closed in its own time zone"
                    + " (running it again issues nothing new).")
    public static final class Run implements Runnable {
        @Mixin
        StorageOptions storage;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The month to invoice.")
        YearMonth period;
        @Option(names = "--account", paramLabel = "ID", description = "Only this account (22 characters).")
        String account;
        @Option(names = "--post", description = "Post the new drafts at once (else they wait for the review period).")
        boolean post;

        @Override
        public void run() {
            AccountId only = account == null ? null : UsageError.accountId(account);
            try (var store = Storage.open(storage.target(), null)) {
                var wiring = new Wiring(store.database(), Clock.systemUTC(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
                if (only != null) {
                    UsageError.requireAccount(wiring.accountQueries, only);
                }
                var result = wiring.runInvoices.run(period, only, "cli");
                int posted = 0;
                if (post) {
                    for (var drafted : result.drafted()) {
                        wiring.postInvoice.post(drafted.accountId(), drafted.invoiceId(), "cli");
                        posted++;
                    }
                }
                System.out.printf("invoice run %s: %d drafted%s, %d already invoiced, %d with nothing to bill,"
                                + " %d not closed yet in their time zone, %d refused%n", period, result.drafted().size(),
                        post ? " (" + posted + " posted)" : "", result.alreadyInvoiced(), result.nothingToBill(),
                        result.notClosed(), result.refused().size());
                result.refused().values().forEach(reason -> System.out.println("  refused: " + reason));
                if (!result.refused().isEmpty()) {
                    throw new RunFailed(result.refused().size() + " account(s) could not be invoiced");
                }
            }
        }
    }

    /** The run finished but some accounts were refused: exit 1 after printing them. */
    static final class RunFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailed(String message) {
            super(message);
        }
    }
}
