package com.chargeline.usage.ingest;

import com.chargeline.storage.BulkCopy;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.common.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The one way usage becomes stored ratings, for ingest, SMS, re-rating, {@code import}, {@code bench
 * seed} and the demo alike: records in the order they are rated (time, then id, so included minutes
 * are drawn in that order) → each rated and its row written with one COPY into the kind's table, sent
 * while the batch is still being rated so PostgreSQL's work overlaps ours → the batch's rollups and
 * drawn minutes added. Runs inside the caller's transaction, which has already claimed the ids (or,
 * re-rating, retired the old ratings) and loaded what {@code allowances} starts from.
 */
final class RateBatch {
    /** Characters of COPY text sent at a time while rating: large enough that sends are few, small enough to overlap. */
    private static final int CHUNK = 1 << 18;

    private RateBatch() {
    }

    /**
     * The batch's rating errors, its total charge, each rated record's charge in rating order, and the nanoseconds
     * spent rating (with the COPY sends on the way), finishing the COPY, and adding rollups and drawn minutes.
     */
    record Outcome(List<BatchResult.RatingIssue> issues, Money total, List<Money> charges, long rateNanos,
                   long copyNanos, long rollupNanos) {
    }

    /**
     * Rates {@code records} at the positions of {@code order} (indexes into {@code records}, in rating order),
     * record {@code i} with rating number {@code ratingNo.applyAsInt(i)}, adding to {@code rollups} (which may
     * hold the re-rated ratings' withdrawal already) and drawing on {@code allowances}.
     */
    static <R> Outcome rate(Handle h, AccountContext ctx, RecordRater<R> rater, List<R> records, List<Integer> order,
                            IntUnaryOperator ratingNo, Rollups rollups, Allowances allowances) {
        var issues = new ArrayList<BatchResult.RatingIssue>();
        var charges = new ArrayList<Money>(order.size());
        var total = Money.zero(ctx.currency());
        long started = System.nanoTime();
        long ratedAt;
        long copiedAt;
        try (var copy = BulkCopy.into(rater.kind().table(), rater.kind().columns(), CHUNK)) {
            if (!order.isEmpty()) {
                copy.open(h);
            }
            for (int i : order) {
                var rated = rater.rate(records.get(i), ratingNo.applyAsInt(i), copy, rollups, allowances);
                if (!rated.error().isEmpty()) {
                    issues.add(new BatchResult.RatingIssue(i, rater.kind().id().apply(records.get(i)), rated.error()));
                }
                charges.add(rated.charge());
                total = total.plus(rated.charge());
            }
            ratedAt = System.nanoTime();
            copy.end(h);
            copiedAt = System.nanoTime();
        }
        rollups.apply(h, ctx.account().value());
        AllowanceLedger.store(h, ctx.account().value(), allowances);
        return new Outcome(issues, total, charges, ratedAt - started, copiedAt - ratedAt,
                System.nanoTime() - copiedAt);
    }
}
