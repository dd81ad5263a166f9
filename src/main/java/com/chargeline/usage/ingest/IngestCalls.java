package com.chargeline.usage.ingest;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.directory.Directory;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.chargeline.storage.MonthlyPartitions;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallingPlan;
import com.chargeline.usage.rating.CallingPlans;
import com.chargeline.usage.rating.PriceLists;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.PriceList;
import com.chargeline.usage.rating.RatingEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Ingests a batch of call records: all or nothing, idempotent on (account, call_log_id). In one
 * transaction it claims the ids (a resend reports duplicates and changes nothing), enriches each
 * new call from the directory, rates them in end-time order (so included minutes are drawn in that
 * order), writes the rated rows with COPY into the month's partition, and adds the batch to the
 * hourly and monthly rollups and to the calling-plan usage.
 */
public final class IngestCalls {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestCalls.class);
    private final Database db;
    private final Clock clock;
    private final AccountQueries accounts;
    private final DirectoryQueries directory;
    private final PriceLists decks;
    private final CallingPlans plans;
    private final RatingEngine engine;
    private final NumberClassifier classifier;

    public IngestCalls(Database db, Clock clock, AccountQueries accounts, DirectoryQueries directory,
                       PriceLists decks, CallingPlans plans, NumberClassifier classifier) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.directory = directory;
        this.decks = decks;
        this.plans = plans;
        this.classifier = classifier;
        this.engine = new RatingEngine(classifier);
    }

    /** What a batch did. */
    public record Result(int received, int accepted, List<String> duplicates, List<RatingIssue> ratingErrors,
                         BigDecimal totalCharge, String currency) {
    }

    /** A record stored with a rating error (visible, not a silent zero). */
    public record RatingIssue(int index, String callLogId, String reason) {
    }

    public Result ingest(AccountId accountId, List<CallRecord> records) {
        long t0 = System.nanoTime();
        CallValidation.validate(records, clock);
        // The account's context and the batch's number classification (the costly part of rating for numbers not
        // seen before) are prepared on another thread while this one claims the ids, which is PostgreSQL's work.
        var preparing = CompletableFuture.supplyAsync(() -> prepare(accountId, records), PREPARE);
        MonthlyPartitions.ensure(db, "rated_call", records.stream()
                .map(r -> YearMonth.from(r.timing().endTime().atZone(ZoneOffset.UTC))).collect(Collectors.toSet()));
        long t1 = System.nanoTime();
        var outcome = db.inTransactionRetrying(h -> {
            long t2 = System.nanoTime();
            var fresh = IdempotencyKeys.claim(h, "call_key", "call_log_id", "end_time", accountId.value(),
                    records.stream().map(CallRecord::callLogId).toList(),
                    records.stream().map(r -> r.timing().endTime()).toList());
            long tc = System.nanoTime();
            var batch = joined(preparing);
            var zone = batch.zone();
            var priceList = batch.prices();
            var planByName = batch.plans();
            var duplicates = new ArrayList<String>();
            var order = new ArrayList<Integer>();
            for (int i = 0; i < records.size(); i++) {
                if (fresh.contains(records.get(i).callLogId())) {
                    order.add(i);
                } else {
                    duplicates.add(records.get(i).callLogId());
                }
            }
            order.sort(Comparator.comparing((Integer i) -> records.get(i).timing().endTime())
                    .thenComparing(i -> records.get(i).callLogId()));
            long t3 = System.nanoTime();
            var allowances = new Allowances();
            var ledger = new AllowanceLedger(accountId.value(), planByName);
            ledger.load(h, order.stream().map(i -> Rollups.month(records.get(i).timing().endTime(), zone)).collect(Collectors.toSet()),
                    allowances);
            var rows = new RatedCallRows(accountId.value(), clock.instant(), zone);
            var issues = new ArrayList<RatingIssue>();
            if (!order.isEmpty()) {
                rows.stream(h);
            }
            BigDecimal total;
            try {
                total = rateAll(records, order, batch, allowances, rows, issues);
            } catch (RuntimeException e) {
                rows.abandon();
                throw e;
            }
            long t4 = System.nanoTime();
            rows.copyInto(h);
            long t5 = System.nanoTime();
            rows.rollups().apply(h, accountId.value());
            ledger.store(h, allowances);
            if (LOG.isDebugEnabled()) {
                LOG.debug("ingest {} calls: validate+partitions {} ms, claim ids {} ms, then waited for the context {} ms, "
                        + "rate+rows (streamed) {} ms, copy end {} ms, rollups {} ms", records.size(), ms(t1 - t0), ms(tc - t2),
                        ms(t3 - tc), ms(t4 - t3), ms(t5 - t4), ms(System.nanoTime() - t5));
            }
            return new Result(records.size(), order.size(), duplicates, issues, total,
                    priceList.calls().info().currency().getCurrencyCode());
        });
        LOG.debug("ingest committed in {} ms in all", ms(System.nanoTime() - t0));
        return outcome;
    }

    private static final java.util.concurrent.ExecutorService PREPARE =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private Batch prepare(AccountId accountId, List<CallRecord> records) {
        var account = accounts.find(accountId).orElseThrow();
        var priceList = decks.priceListFor(accountId).orElseThrow(IngestCalls::noDeck);
        var region = account.profile().country();
        for (var r : records) {
            classifier.classify(r.parties().callerNumber(), region);
            classifier.classify(r.parties().calleeNumber(), region);
        }
        return new Batch(directory.snapshot(accountId), region, priceList, plans.byName(accountId),
                account.profile().timeZone());
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** What every record of one batch is rated against. */
    private record Batch(Directory dir, String region, PriceList prices, Map<String, CallingPlan> plans, ZoneId zone) {
    }

    /** Rates the new records in end-time order into {@code rows}; returns the batch's total charge. */
    private BigDecimal rateAll(List<CallRecord> records, List<Integer> order, Batch batch, Allowances allowances,
                               RatedCallRows rows, List<RatingIssue> issues) {
        var total = BigDecimal.ZERO;
        for (int i : order) {
            var record = records.get(i);
            var user = userOf(record, batch.dir(), batch.region());
            var ctx = context(user, batch.dir(), batch.region(), batch.prices(), batch.plans());
            var result = engine.rate(call(record, user, batch.zone()), ctx, allowances);
            if (result.status() == RatingEngine.Status.ERROR) {
                issues.add(new RatingIssue(i, record.callLogId(), result.reason()));
            }
            total = total.add(result.priced().charge());
            rows.add(record, user, batch.dir(), result, ctx);
        }
        return total;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The account's side of rating one call: country, deck, own numbers and the user's calling plan. */
    static RatingEngine.Context context(PhoneUser user, Directory dir, String region, PriceList prices,
                                        Map<String, CallingPlan> plans) {
        var userPlans = user == null || user.attribution().callingPlan().isEmpty()
                ? List.<CallingPlan>of() : List.of(plans.get(user.attribution().callingPlan()));
        return new RatingEngine.Context(region, prices.calls(), n -> dir.ownNumbers().contains(n), userPlans);
    }

    /** A record as the engine rates it; allowances are drawn per user and per month of the account's zone. */
    static RatingEngine.Call call(CallRecord r, PhoneUser user, ZoneId zone) {
        var end = r.timing().endTime();
        return new RatingEngine.Call(r.parties().outbound(), r.parties().callerNumber(), r.parties().calleeNumber(),
                r.talkSeconds(), r.answered(), r.outcome().viaQueue(), end.atZone(zone).toLocalDate(),
                user == null ? "account" : user.userId().toString(), Rollups.month(end, zone).toString());
    }

    /** Usage cannot be priced (and is not taken) until a deck prices the account. */
    static Invalid noDeck() {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "No rate deck prices this account's usage: import a deck and "
                + "assign it with PUT /api/v1/accounts/{accountId}/rate_deck.");
    }

    /** The account's user on this call: by extension, else by the account's own number on the call. */
    PhoneUser userOf(CallRecord record, Directory dir, String region) {
        var own = record.parties().outbound() ? record.parties().callerNumber() : record.parties().calleeNumber();
        return DirectoryUsers.find(dir, classifier, record.parties().extensionNumber(), own, region);
    }
}
