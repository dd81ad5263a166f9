package com.chargeline.usage.ingest;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.storage.Database;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.common.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Re-rates an account's calls with its current deck, plans and directory (after a deck change or a
 * late record). Included minutes are drawn per month in end-time order, so whole months (in the
 * account's zone) are re-rated: every current row of those months gets a new row with the next
 * rating number through the same {@link RateBatch} as ingest, the old row stays as it was but is no
 * longer current, the rollups lose the old ratings and gain the new, and the months' calling-plan
 * usage is drawn again from nothing. One transaction. Attribution (cost center, department, names,
 * billing numbers) is kept as first stored. Metered as the operation {@code rerate}, with one log line a re-rating.
 */
public final class RerateCalls {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RerateCalls.class);
    private final Database db;
    private final Clock clock;
    private final AccountContexts contexts;
    private final NumberClassifier classifier;
    private final Metrics metrics;

    public RerateCalls(Database db, Clock clock, AccountContexts contexts, NumberClassifier classifier, Metrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.clock = clock;
        this.contexts = contexts;
        this.classifier = classifier;
    }

    /**
     * What a re-rating did: months covered, calls re-rated, and the charge before (per currency: the account's deck
     * may have changed currency since) and after.
     */
    public record Result(LocalDate fromMonth, LocalDate toMonthExclusive, int calls, int changed, List<Money> before,
                         Money after) {
        public Result {
            before = List.copyOf(before);
        }
    }

    public Result rerate(AccountId accountId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "--to is before --from.");
        }
        var ctx = contexts.load(accountId);
        var firstMonth = from.withDayOfMonth(1);
        var endMonth = to.withDayOfMonth(1).plusMonths(1);
        var start = firstMonth.atStartOfDay(ctx.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var end = endMonth.atStartOfDay(ctx.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var account = accountId.value();
        var running = metrics.start("rerate");
        boolean ok = false;
        try {
            var result = rerateMonths(account, ctx, firstMonth, endMonth, start, end);
            ok = true;
            running.progress("calls", result.calls());
            LOG.atInfo().addKeyValue("account_id", accountId.wire()).addKeyValue("from", firstMonth)
                    .addKeyValue("to", endMonth).addKeyValue("calls", result.calls())
                    .addKeyValue("changed", result.changed()).addKeyValue("duration_ms", running.finish(true))
                    .log("re-rating");
            return result;
        } finally {
            if (!ok) {
                running.finish(false);
            }
        }
    }

    private Result rerateMonths(java.util.UUID account, AccountContext ctx, LocalDate firstMonth, LocalDate endMonth,
                                java.time.OffsetDateTime start, java.time.OffsetDateTime end) {
        return db.inTransaction(h -> {
            AllowanceLedger.forget(h, account, firstMonth, endMonth);
            var calls = h.attach(RatedCallRepository.class);
            var stored = calls.currentInWindow(account, start, end);
            var rollups = new Rollups(ctx.zone());
            var before = new LinkedHashMap<Currency, Money>();
            before.put(ctx.currency(), Money.zero(ctx.currency()));
            for (var s : stored) {
                // A call rated before rated_call kept its country is in the invoice-line totals under '' (unknown).
                // One rated before it kept its user is in the summary days under '' (no user): StoredCall says so.
                var country = s.destinationCountry() == null ? "" : s.destinationCountry();
                rollups.add(s.record().timing().endTime(), new Rollups.Key("call", s.callType(), country,
                        s.record().parties().direction(), "",
                        s.billingAccountId(), s.costCenter(), s.department(), s.charge().currency().getCurrencyCode(),
                        s.charge().signum() > 0, s.record().result().wire(), s.userId()), s.billedSeconds(), 0, s.charge().amount(), -1);
                before.merge(s.charge().currency(), s.charge(), Money::plus);
            }
            calls.retire(account, start, end, stored.stream().map(s -> s.record().callLogId()).toArray(String[]::new),
                    stored.stream().mapToInt(RatedCallRepository.StoredCall::ratingNo).toArray());
            var records = stored.stream().map(RatedCallRepository.StoredCall::record).toList();
            var rated = RateBatch.rate(h, ctx, new CallRater(ctx, classifier, clock.instant()), records,
                    IntStream.range(0, records.size()).boxed().toList(), i -> stored.get(i).ratingNo() + 1, rollups,
                    new Allowances());
            int changed = (int) IntStream.range(0, stored.size())
                    .filter(i -> !same(rated.charges().get(i), stored.get(i).charge())).count();
            return new Result(firstMonth, endMonth, stored.size(), changed, List.copyOf(before.values()), rated.total());
        });
    }

    private static boolean same(Money a, Money b) {
        return a.currency().equals(b.currency()) && a.isEqualTo(b);
    }
}
