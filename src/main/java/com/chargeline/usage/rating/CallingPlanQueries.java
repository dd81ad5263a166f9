package com.chargeline.usage.rating;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of an account's calling plans. */
public final class CallingPlanQueries {
    private final Database db;

    public CallingPlanQueries(Database db) {
        this.db = db;
    }

    /** The account's plans by name. */
    public Map<String, CallingPlan> byName(AccountId account) {
        return db.withRepository(CallingPlanRepository.class, r -> r.byAccount(account.value())).stream()
                .collect(Collectors.toUnmodifiableMap(CallingPlan::name, Function.identity()));
    }
}
