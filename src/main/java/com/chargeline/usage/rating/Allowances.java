package com.chargeline.usage.rating;

import java.util.HashMap;
import java.util.Map;

/**
 * The included minutes left this month, per plan holder, while a batch is rated. A holder is a
 * plan and a user (per-user plans) or a plan and the account (pooled plans). The batch loads what
 * was used so far, calls draw in end-time order, and the batch writes the new totals back in the
 * same transaction.
 */
public final class Allowances {
    private final Map<String, Long> usedSeconds = new HashMap<>();
    private final Map<String, Long> drawn = new HashMap<>();

    /** Starts a holder's month at {@code usedSeconds} already consumed. */
    public void load(String holder, long used) {
        usedSeconds.put(holder, used);
    }

    /** {@code planId|user-or-*|month}: what one allowance_usage row counts. */
    public static String holder(CallingPlan plan, String userKey, String month) {
        return plan.id() + "|" + (plan.scope() == CallingPlan.Scope.POOLED ? "*" : userKey) + "|" + month;
    }

    public long available(CallingPlan plan, String holder) {
        if (plan.unlimited()) {
            return Long.MAX_VALUE;
        }
        long limit = plan.includedMinutes().getAsLong() * 60;
        return Math.max(0, limit - usedSeconds.getOrDefault(holder, 0L));
    }

    public void draw(String holder, long seconds) {
        if (seconds > 0) {
            usedSeconds.merge(holder, seconds, Long::sum);
            drawn.merge(holder, seconds, Long::sum);
        }
    }

    /** Seconds drawn by this batch, per holder: what to add to the stored totals. */
    public Map<String, Long> drawn() {
        return Map.copyOf(drawn);
    }
}
