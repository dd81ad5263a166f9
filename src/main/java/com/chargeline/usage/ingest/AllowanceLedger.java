package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallingPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Loads and stores included-minute usage (allowance_usage) for one batch. Batches of one account
 * that draw on limited plans are serialised by an advisory lock, so two batches can never both
 * spend the same last minutes.
 */
final class AllowanceLedger {
    private final UUID accountId;
    private final Map<String, CallingPlan> plans;

    AllowanceLedger(UUID accountId, Map<String, CallingPlan> plans) {
        this.accountId = accountId;
        this.plans = plans;
    }

    void load(Handle h, Set<LocalDate> months, Allowances allowances) {
        if (plans.values().stream().allMatch(CallingPlan::unlimited)) {
            return;
        }
        h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "chargeline.allowance:" + accountId);
        h.createQuery("""
                        SELECT plan_id, holder, month, used_seconds FROM allowance_usage
                         WHERE account_id = :account AND month = ANY(CAST(:months AS date[]))""")
                .bind("account", accountId)
                .bindArray("months", String.class, months.stream().map(LocalDate::toString).toList())
                .map((rs, ctx) -> {
                    allowances.load(new Allowances.Holder(rs.getObject("plan_id", UUID.class), rs.getString("holder"),
                            rs.getObject("month", LocalDate.class).toString()), rs.getLong("used_seconds"));
                    return 0;
                })
                .list();
    }

    void store(Handle h, Allowances allowances) {
        var drawn = new ArrayList<>(allowances.drawn().entrySet());
        drawn.sort(Map.Entry.comparingByKey());
        for (var entry : drawn) {
            var key = entry.getKey();
            h.createUpdate("""
                            INSERT INTO allowance_usage (account_id, plan_id, holder, month, used_seconds)
                            VALUES (:account, CAST(:plan AS uuid), :holder, CAST(:month AS date), :seconds)
                            ON CONFLICT (account_id, plan_id, holder, month)
                            DO UPDATE SET used_seconds = allowance_usage.used_seconds + EXCLUDED.used_seconds""")
                    .bind("account", accountId).bind("plan", key.planId().toString()).bind("holder", key.holder())
                    .bind("month", key.month()).bind("seconds", entry.getValue())
                    .execute();
        }
    }
}
