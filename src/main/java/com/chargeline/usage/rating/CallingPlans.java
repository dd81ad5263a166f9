package com.chargeline.usage.rating;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An account's calling plans: created once by name, assigned to users through the directory. */
public final class CallingPlans {
    private final Database db;

    public CallingPlans(Database db) {
        this.db = db;
    }

    /** A plan as defined; {@code includedMinutes} null means unlimited. */
    public CallingPlan create(AccountId account, String name, String scope, Long includedMinutes, List<String> callTypes,
                              List<String> regions) {
        var errors = new ArrayList<FieldError>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "1 to 100 characters."));
        }
        var parsedScope = switch (scope == null ? "" : scope) {
            case "per_user" -> CallingPlan.Scope.PER_USER;
            case "pooled" -> CallingPlan.Scope.POOLED;
            default -> {
                errors.add(new FieldError("scope", "Must be per_user or pooled."));
                yield null;
            }
        };
        if (includedMinutes != null && includedMinutes < 0) {
            errors.add(new FieldError("included_minutes", "Cannot be negative; omit it for unlimited."));
        }
        var types = new HashSet<CallType>();
        for (var t : callTypes == null ? List.<String>of() : callTypes) {
            CallType.parse(t).ifPresentOrElse(types::add, () -> errors.add(new FieldError("call_types",
                    "Unknown call type " + t + "; use voip, local, tollfree, international, callCenter.")));
        }
        if (types.isEmpty()) {
            errors.add(new FieldError("call_types", "At least one call type."));
        }
        var regionSet = new HashSet<String>();
        for (var r : regions == null ? List.<String>of() : regions) {
            if (!r.matches("[A-Z]{2}")) {
                errors.add(new FieldError("regions", "'" + r + "' is not an ISO 3166-1 alpha-2 code."));
            }
            regionSet.add(r);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
        var plan = new CallingPlan(UUID.randomUUID(), name.strip(), parsedScope,
                includedMinutes == null ? OptionalLong.empty() : OptionalLong.of(includedMinutes), types, regionSet);
        db.inTransaction(h -> {
            var exists = h.createQuery("SELECT count(*) FROM calling_plan WHERE account_id = :a AND name = :n")
                    .bind("a", account.value()).bind("n", plan.name()).mapTo(Integer.class).one() > 0;
            if (exists) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                        List.of(new FieldError("name", "A calling plan named " + plan.name() + " already exists.")));
            }
            return h.createUpdate("""
                    INSERT INTO calling_plan (account_id, plan_id, name, scope, included_minutes, call_types, regions)
                    VALUES (:a, :id, :name, :scope, :minutes, :types, :regions)""")
                    .bind("a", account.value()).bind("id", plan.id()).bind("name", plan.name())
                    .bind("scope", scope).bind("minutes", includedMinutes == null ? null : includedMinutes.intValue())
                    .bind("types", plan.callTypes().stream().map(CallType::wire).sorted().toArray(String[]::new))
                    .bind("regions", plan.regions().stream().sorted().toArray(String[]::new))
                    .execute();
        });
        return plan;
    }

    /** The account's plans by name. */
    public Map<String, CallingPlan> byName(AccountId account) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT plan_id, name, scope, included_minutes, call_types, regions
                          FROM calling_plan WHERE account_id = :a""")
                .bind("a", account.value())
                .map((rs, ctx) -> {
                    Integer minutes = (Integer) rs.getObject("included_minutes");
                    Set<CallType> types = java.util.Arrays.stream((String[]) rs.getArray("call_types").getArray())
                            .map(t -> CallType.parse(t).orElseThrow()).collect(Collectors.toSet());
                    Set<String> regions = Set.of((String[]) rs.getArray("regions").getArray());
                    return new CallingPlan(rs.getObject("plan_id", UUID.class), rs.getString("name"),
                            rs.getString("scope").equals("pooled") ? CallingPlan.Scope.POOLED : CallingPlan.Scope.PER_USER,
                            minutes == null ? OptionalLong.empty() : OptionalLong.of(minutes), types, regions);
                })
                .collectToMap(CallingPlan::name, p -> p));
    }
}
