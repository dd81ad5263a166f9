package com.chargeline.usage.rating;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The included minutes left this month, per plan holder, while a batch is rated. A holder is a
 * plan and a user (per-user plans) or a plan and the account (pooled plans). The batch loads what
 * was used so far, calls draw in end-time order, and the batch writes the new totals back in the
 * same transaction.
 */
public final class Allowances {
    private final Map<Holder, Long> usedSeconds = new HashMap<>();
    private final Map<Holder, Long> drawn = new HashMap<>();

    /**
     * What one allowance_usage row counts: a plan, its holder ({@code *} for a pooled plan, else the user) and a
     * month (the first day of the account's month, ISO). Ordered so that batches write their rows in one order.
     */
    public record Holder(UUID planId, String holder, String month) implements Comparable<Holder> {
        private static final Comparator<Holder> ORDER = Comparator.comparing(Holder::planId)
                .thenComparing(Holder::holder).thenComparing(Holder::month);

        @Override
        public int compareTo(Holder other) {
            return ORDER.compare(this, other);
        }
    }

    /** Starts a holder's month at {@code usedSeconds} already consumed. */
    public void load(Holder holder, long used) {
        usedSeconds.put(holder, used);
    }

    /** The holder a call of {@code userKey} in {@code month} draws on under {@code plan}. */
    public static Holder holder(CallingPlan plan, String userKey, String month) {
        return new Holder(plan.id(), plan.scope() == CallingPlan.Scope.POOLED ? "*" : userKey, month);
    }

    public long available(CallingPlan plan, Holder holder) {
        if (plan.unlimited()) {
            return Long.MAX_VALUE;
        }
        long limit = plan.includedMinutes().getAsLong() * 60;
        return Math.max(0, limit - usedSeconds.getOrDefault(holder, 0L));
    }

    public void draw(Holder holder, long seconds) {
        if (seconds > 0) {
            usedSeconds.merge(holder, seconds, Long::sum);
            drawn.merge(holder, seconds, Long::sum);
        }
    }

    /** Seconds drawn by this batch, per holder: what to add to the stored totals. */
    public Map<Holder, Long> drawn() {
        return Map.copyOf(drawn);
    }
}
