package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.common.error.BillingException;
import com.chargeline.storage.Storage;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.usage.ingest.BatchResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chargeline import calls|sms FILE --account ID --format native-csv|asterisk}: the whole file
 * is checked first (nothing is imported when a row is bad), then ingested in batches of 10 000,
 * each all or nothing and idempotent, so re-running after an interruption imports only the rest.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import call or SMS records from a file, rated exactly as the API rates them.")
public final class ImportCommand implements Runnable {
    /** What the file holds. */
    enum Kind { calls, sms }

    /** File formats. */
    enum Format {
        native_csv("native-csv"), asterisk("asterisk");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Mixin
    StorageOptions storage;
    @Parameters(index = "0", description = "calls or sms")
    Kind kind;
    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;
    @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
    String account;
    @Option(names = "--format", defaultValue = "native-csv", converter = FormatConverter.class,
            description = "native-csv (default) or asterisk (Master.csv, calls only).")
    Format format;
    @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Zone of Asterisk's local times (default: UTC).")
    ZoneId zone;

    /** Accepts the dashed names. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value) {
                case "native-csv" -> Format.native_csv;
                case "asterisk" -> Format.asterisk;
                default -> throw new picocli.CommandLine.TypeConversionException("expected native-csv or asterisk, got " + value);
            };
        }
    }

    @Override
    public void run() {
        var id = UsageError.accountId(account);
        if (kind == Kind.sms && format == Format.asterisk) {
            throw new UsageError("Asterisk Master.csv holds calls only; use --format native-csv for sms");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageError("cannot read " + file);
        }
        try (var store = Storage.open(storage.target(), null)) {
            var clock = Clock.systemUTC();
            var wiring = new Wiring(store.database(), clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
            UsageError.requireAccount(wiring.accountQueries, id);
            var encoding = ImportCheck.utf8(file);
            if (encoding.isPresent()) {
                throw refused(List.of(encoding.get()));
            }
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                if (kind == Kind.sms) {
                    importAll(UsageFiles.nativeSms(reader), ImportCheck.nativeSms(clock),
                            records -> wiring.ingestUsage.messages(id, records), wiring.metrics);
                } else if (format == Format.asterisk) {
                    importAll(UsageFiles.asteriskCalls(reader, zone), ImportCheck.asteriskCalls(clock),
                            records -> wiring.ingestUsage.calls(id, records), wiring.metrics);
                } else {
                    importAll(UsageFiles.nativeCalls(reader), ImportCheck.nativeCalls(clock),
                            records -> wiring.ingestUsage.calls(id, records), wiring.metrics);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the first hundred problems and says that nothing was imported. */
    private IllegalArgumentException refused(List<UsageFiles.Problem> problems) {
        problems.stream().limit(100).forEach(System.err::println);
        if (problems.size() > 100) {
            System.err.println("... and " + (problems.size() - 100) + " more");
        }
        long rows = problems.stream().map(UsageFiles.Problem::line).distinct().count();
        return new IllegalArgumentException(rows + " bad row(s) in " + file + ", each named above with its line and column; "
                + "nothing imported");
    }

    private <T> void importAll(UsageFiles.Parsed<T> parsed, ImportCheck.Rules<T> rules,
                               Function<List<T>, BatchResult> ingest, Metrics metrics) {
        var problems = ImportCheck.check(parsed, rules);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        var running = metrics.start("import");
        boolean ok = false;
        try {
            ingestAll(parsed.records(), ingest, running);
            ok = true;
        } finally {
            System.err.printf("import %s after %d ms%n", ok ? "finished" : "stopped", running.finish(ok));
        }
    }

    private <T> void ingestAll(List<T> records, Function<List<T>, BatchResult> ingest, Metrics.Running running) {
        int accepted = 0;
        int duplicates = 0;
        int ratingErrors = 0;
        for (int from = 0; from < records.size(); from += ImportCheck.BATCH) {
            var batch = records.subList(from, Math.min(records.size(), from + ImportCheck.BATCH));
            BatchResult result;
            try {
                result = ingest.apply(batch);
            } catch (BillingException e) {
                int first = from;
                e.fieldErrors().stream().limit(50).forEach(f -> System.err.println("batch from record " + first + ", "
                        + f.field() + ": " + f.message()));
                throw e;
            }
            running.progress("records", batch.size());
            accepted += result.accepted();
            duplicates += result.duplicates().size();
            ratingErrors += result.ratingErrors().size();
            result.ratingErrors().stream().limit(20).forEach(r -> System.err.println("rating error, " + r.recordId() + ": " + r.reason()));
            System.err.printf("imported %d/%d records (accepted %d, duplicates %d, rating errors %d)%n",
                    Math.min(records.size(), from + ImportCheck.BATCH), records.size(), accepted, duplicates, ratingErrors);
        }
        System.out.printf("%s: %d records, %d accepted, %d duplicates skipped, %d stored with rating errors%n", file,
                records.size(), accepted, duplicates, ratingErrors);
    }
}
