package com.chargeline.usage.ingest;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.NumberClassifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

/**
 * Re-rates an account's calls with its current deck, plans and directory (after a deck change or a
 * late record). Included minutes are drawn per month in end-time order, so whole months (in the
 * account's zone) are re-rated: every current row of those months gets a new row with the next
 * rating number through the same {@link RateBatch} as ingest, the old row stays as it was but is no
 * longer current, the rollups lose the old ratings and gain the new, and the months' calling-plan
 * usage is drawn again from nothing. One transaction. Attribution (cost center, department, names,
 * billing numbers) is kept as first stored.
 */
public final class RerateCalls {
    private final Database db;
    private final Clock clock;
    private final AccountContexts contexts;
    private final NumberClassifier classifier;

    public RerateCalls(Database db, Clock clock, AccountContexts contexts, NumberClassifier classifier) {
        this.db = db;
        this.clock = clock;
        this.contexts = contexts;
        this.classifier = classifier;
    }

    /** What a re-rating did: months covered, calls re-rated, and the charge before and after. */
    public record Result(LocalDate fromMonth, LocalDate toMonthExclusive, int calls, int changed, BigDecimal before,
                         BigDecimal after) {
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
        return db.inTransaction(h -> {
            AllowanceLedger.forget(h, account, firstMonth, endMonth);
            var calls = h.attach(RatedCallRepository.class);
            var stored = calls.currentInWindow(account, start, end);
            var rollups = new Rollups(ctx.zone());
            var before = BigDecimal.ZERO;
            for (var s : stored) {
                rollups.add(s.record().timing().endTime(), new Rollups.Key(null, "call", s.callType(), s.billingAccountId(),
                        s.costCenter(), s.department(), s.currency(), s.charge().signum() > 0), s.billedSeconds(),
                        s.charge(), -1);
                before = before.add(s.charge());
            }
            calls.retire(account, start, end);
            var records = stored.stream().map(RatedCallRepository.StoredCall::record).toList();
            var rated = RateBatch.rate(h, ctx, new CallRater(ctx, classifier, clock.instant()), records,
                    IntStream.range(0, records.size()).boxed().toList(), i -> stored.get(i).ratingNo() + 1, rollups,
                    new Allowances());
            int changed = (int) IntStream.range(0, stored.size())
                    .filter(i -> rated.charges().get(i).compareTo(stored.get(i).charge()) != 0).count();
            return new Result(firstMonth, endMonth, stored.size(), changed, before, rated.total());
        });
    }
}
