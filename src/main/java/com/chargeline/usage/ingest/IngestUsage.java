package com.chargeline.usage.ingest;

import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.common.system.CpuPriority;
import com.chargeline.storage.Database;
import com.chargeline.storage.MonthlyPartitions;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.NumberClassifier;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ingests a batch of call or message records: all or nothing, idempotent on the record's id. The batch
 * is validated whole; then, in one transaction, its ids are claimed (a resend reports duplicates and
 * changes nothing) and the new records go through {@link RateBatch} in time order. The account's
 * context is read first, on a connection of its own that is returned before the transaction takes one
 * (a transaction never waits for a second connection, so a full pool cannot starve it); the batch's
 * number classification (the costly part of rating numbers not seen before, no database) runs on another
 * thread while this one claims the ids, which is PostgreSQL's work.
 */
public final class IngestUsage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestUsage.class);
    /** A field error of one record: {@code records[12].end_time} or {@code records[12].from.number}. */
    private static final java.util.regex.Pattern RECORD_FIELD = java.util.regex.Pattern.compile("records\\[(\\d+)]\\.([a-z_]+).*");
    /** Classification at the server's priority: on virtual threads, sharing the request threads' carriers. */
    private static final ExecutorService PREPARE = Executors.newVirtualThreadPerTaskExecutor();
    private final Database db;
    /** Where the batch's transaction runs: {@link Database#bulk}. */
    private final Database store;
    private final ExecutorService prepare;
    private final Clock clock;
    private final AccountContexts contexts;
    private final NumberClassifier classifier;
    private final Metrics metrics;

    /**
     * With {@code nice} above 0, the batch's transaction runs on {@link Database#bulk}'s connections and its number
     * classification on platform threads of its own, all at that lower CPU priority (on a virtual thread the
     * classification would hold one of the carriers the requests share until it is done).
     */
    public IngestUsage(Database db, Clock clock, AccountContexts contexts, NumberClassifier classifier,
                       Metrics metrics, int nice) {
        this.db = db;
        this.store = db.bulk(nice);
        this.prepare = nice == 0 ? PREPARE : Executors.newCachedThreadPool(CpuPriority.threads("chargeline-classify-", nice));
        this.clock = clock;
        this.contexts = contexts;
        this.classifier = classifier;
        this.metrics = metrics;
    }

    public BatchResult calls(AccountId account, List<CallRecord> records) {
        return ingest(account, records, UsageKind.CALLS, () -> CallValidation.validate(records, clock),
                ctx -> new CallRater(ctx, classifier, clock.instant()));
    }

    public BatchResult messages(AccountId account, List<SmsRecord> records) {
        return ingest(account, records, UsageKind.MESSAGES, () -> SmsValidation.validate(records, clock),
                ctx -> new SmsRater(ctx, classifier, clock.instant()));
    }

    private <R> BatchResult ingest(AccountId account, List<R> records, UsageKind<R> kind, Runnable validation,
                                   Function<AccountContext, RecordRater<R>> rater) {
        long t0 = System.nanoTime();
        metrics.received(kind.tag(), records.size());
        try {
            validation.run();
        } catch (Invalid e) {
            countRejected(kind.tag(), records.size(), e);
            throw e;
        }
        long validated = System.nanoTime();
        var ctx = contexts.load(account);
        var classifying = CompletableFuture.runAsync(() -> classify(records, kind, ctx.region()), prepare);
        MonthlyPartitions.ensure(db, kind.table(), records.stream()
                .map(r -> YearMonth.from(kind.time().apply(r).atZone(ZoneOffset.UTC))).collect(Collectors.toSet()));
        var times = new Times();
        var result = store.inTransactionRetrying(h -> {
            times.claim = System.nanoTime();
            var fresh = IdempotencyKeys.claim(h, kind, account.value(), records);
            joined(classifying);
            var order = new ArrayList<Integer>();
            var duplicates = new ArrayList<String>();
            for (int i = 0; i < records.size(); i++) {
                var id = kind.id().apply(records.get(i));
                if (fresh.contains(id)) {
                    order.add(i);
                } else {
                    duplicates.add(id);
                }
            }
            order.sort(Comparator.comparing((Integer i) -> kind.time().apply(records.get(i)))
                    .thenComparing(i -> kind.id().apply(records.get(i))));
            var allowances = new Allowances();
            if (kind.drawsMinutes()) {
                AllowanceLedger.load(h, account.value(), ctx.plans().values(), order.stream()
                        .map(i -> Rollups.month(kind.time().apply(records.get(i)), ctx.zone())).collect(Collectors.toSet()),
                        allowances);
            }
            times.rate = System.nanoTime();
            var rated = RateBatch.rate(h, ctx, rater.apply(ctx), records, order, i -> 1, new Rollups(ctx.zone()),
                    allowances);
            times.rated = rated;
            times.end = System.nanoTime();
            return new BatchResult(records.size(), order.size(), duplicates, rated.issues(), rated.total());
        });
        long committed = System.nanoTime();
        var tag = kind.tag();
        metrics.phase(tag, Metrics.Phase.VALIDATE, validated - t0);
        metrics.phase(tag, Metrics.Phase.PREPARE, times.claim - validated);
        metrics.phase(tag, Metrics.Phase.CLAIM, times.rate - times.claim);
        metrics.phase(tag, Metrics.Phase.RATE, times.rated.rateNanos());
        metrics.phase(tag, Metrics.Phase.COPY, times.rated.copyNanos());
        metrics.phase(tag, Metrics.Phase.ROLLUPS, times.rated.rollupNanos());
        metrics.phase(tag, Metrics.Phase.COMMIT, committed - times.end);
        metrics.batch(tag, committed - t0);
        metrics.accepted(tag, result.accepted());
        metrics.duplicates(tag, result.duplicates().size());
        result.ratingErrors().forEach(e -> metrics.ratingError(tag, ratingErrorReason(e.reason())));
        LOG.debug("ingest of {} {} committed in {} ms", records.size(), kind.table(), (committed - t0) / 1_000_000);
        return result;
    }

    /** When the phases of the batch's (last) transaction began, and what rating took. */
    private static final class Times {
        long claim;
        long rate;
        long end;
        RateBatch.Outcome rated;
    }

    /**
     * The records of a refused batch, counted by why: each record that broke a rule under the first field it broke
     * ({@code records[3].end_time}: end_time), the others of the batch as {@code batch_rejected}; a batch refused
     * whole (too many records) under its error code.
     */
    private void countRejected(String kind, int size, Invalid e) {
        var firstField = new java.util.TreeMap<Integer, String>();
        for (var error : e.fieldErrors()) {
            var m = RECORD_FIELD.matcher(error.field());
            if (m.matches()) {
                firstField.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        if (firstField.isEmpty()) {
            metrics.rejected(kind, e.code().name().toLowerCase(java.util.Locale.ROOT), size);
            return;
        }
        firstField.values().stream().collect(Collectors.groupingBy(f -> f, Collectors.counting()))
                .forEach((reason, count) -> metrics.rejected(kind, reason, count.intValue()));
        if (size > firstField.size()) {
            metrics.rejected(kind, "batch_rejected", size - firstField.size());
        }
    }

    /** A rating error's reason as a metric tag: the kind of error, not its text (which names numbers and decks). */
    static String ratingErrorReason(String reason) {
        if (reason.contains("not a valid phone number")) {
            return "invalid_number";
        }
        if (reason.startsWith("no ") && reason.contains(" rate for ")) {
            return "no_rate";
        }
        return "other";
    }

    /** Classifies every number of the batch into the classifier's cache. */
    private <R> void classify(List<R> records, UsageKind<R> kind, String region) {
        for (var r : records) {
            for (var number : kind.numbers().apply(r)) {
                classifier.classify(number, region);
            }
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
