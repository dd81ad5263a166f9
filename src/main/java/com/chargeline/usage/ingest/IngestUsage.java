package com.chargeline.usage.ingest;

import com.chargeline.common.id.AccountId;
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
    private static final ExecutorService PREPARE = Executors.newVirtualThreadPerTaskExecutor();
    private final Database db;
    private final Clock clock;
    private final AccountContexts contexts;
    private final NumberClassifier classifier;

    public IngestUsage(Database db, Clock clock, AccountContexts contexts, NumberClassifier classifier) {
        this.db = db;
        this.clock = clock;
        this.contexts = contexts;
        this.classifier = classifier;
    }

    public BatchResult calls(AccountId account, List<CallRecord> records) {
        CallValidation.validate(records, clock);
        return ingest(account, records, UsageKind.CALLS, ctx -> new CallRater(ctx, classifier, clock.instant()));
    }

    public BatchResult messages(AccountId account, List<SmsRecord> records) {
        SmsValidation.validate(records, clock);
        return ingest(account, records, UsageKind.MESSAGES, ctx -> new SmsRater(ctx, classifier, clock.instant()));
    }

    private <R> BatchResult ingest(AccountId account, List<R> records, UsageKind<R> kind,
                                   Function<AccountContext, RecordRater<R>> rater) {
        long t0 = System.nanoTime();
        var ctx = contexts.load(account);
        var classifying = CompletableFuture.runAsync(() -> classify(records, kind, ctx.region()), PREPARE);
        MonthlyPartitions.ensure(db, kind.table(), records.stream()
                .map(r -> YearMonth.from(kind.time().apply(r).atZone(ZoneOffset.UTC))).collect(Collectors.toSet()));
        var result = db.inTransactionRetrying(h -> {
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
            var rated = RateBatch.rate(h, ctx, rater.apply(ctx), records, order, i -> 1, new Rollups(ctx.zone()),
                    allowances);
            return new BatchResult(records.size(), order.size(), duplicates, rated.issues(), rated.total());
        });
        LOG.debug("ingest of {} {} committed in {} ms", records.size(), kind.table(), (System.nanoTime() - t0) / 1_000_000);
        return result;
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
