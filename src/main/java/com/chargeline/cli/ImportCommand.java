package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.common.error.BillingException;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import com.chargeline.usage.ingest.IngestCalls;
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
    @Option(names = "--timezone", defaultValue = "UTC", description = "Zone of Asterisk's local times (default: UTC).")
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
        var id = AccountId.parse(account).orElseThrow(() ->
                new IllegalArgumentException("--account must be a 22-character account id, got '" + account + "'"));
        if (kind == Kind.sms && format == Format.asterisk) {
            throw new IllegalArgumentException("Asterisk Master.csv holds calls only; use --format native-csv for sms");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        try (var store = Storage.open(storage.target(), null); var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var wiring = new Wiring(store.database(), Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
            if (wiring.accountQueries.find(id).isEmpty()) {
                throw new IllegalArgumentException("no account " + account);
            }
            if (kind == Kind.calls) {
                var parsed = format == Format.asterisk ? UsageFiles.asteriskCalls(reader, zone) : UsageFiles.nativeCalls(reader);
                importAll(parsed, records -> wiring.ingestCalls.ingest(id, records));
            } else {
                importAll(UsageFiles.nativeSms(reader), records -> wiring.ingestSms.ingest(id, records));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void importAll(UsageFiles.Parsed<T> parsed, Function<List<T>, IngestCalls.Result> ingest) {
        if (!parsed.errors().isEmpty()) {
            parsed.errors().forEach(System.err::println);
            throw new IllegalArgumentException(parsed.errors().size() + " bad row(s) in " + file + "; nothing imported");
        }
        var records = parsed.records();
        int accepted = 0;
        int duplicates = 0;
        int ratingErrors = 0;
        for (int from = 0; from < records.size(); from += 10_000) {
            var batch = records.subList(from, Math.min(records.size(), from + 10_000));
            IngestCalls.Result result;
            try {
                result = ingest.apply(batch);
            } catch (BillingException e) {
                int first = from;
                e.fieldErrors().stream().limit(50).forEach(f -> System.err.println("batch from record " + first + ", "
                        + f.field() + ": " + f.message()));
                throw e;
            }
            accepted += result.accepted();
            duplicates += result.duplicates().size();
            ratingErrors += result.ratingErrors().size();
            result.ratingErrors().stream().limit(20).forEach(r -> System.err.println("rating error, " + r.callLogId() + ": " + r.reason()));
            System.err.printf("imported %d/%d records (accepted %d, duplicates %d, rating errors %d)%n",
                    Math.min(records.size(), from + 10_000), records.size(), accepted, duplicates, ratingErrors);
        }
        System.out.printf("%s: %d records, %d accepted, %d duplicates skipped, %d stored with rating errors%n", file,
                records.size(), accepted, duplicates, ratingErrors);
    }
}
