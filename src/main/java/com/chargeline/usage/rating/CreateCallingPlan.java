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
import java.util.UUID;

/** Creates a calling plan of an account: once by name; users are assigned to it through the directory. */
public final class CreateCallingPlan {
    private final Database db;

    public CreateCallingPlan(Database db) {
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
        } else if (includedMinutes != null && includedMinutes > Integer.MAX_VALUE) {
            errors.add(new FieldError("included_minutes", "At most " + Integer.MAX_VALUE + "; omit it for unlimited."));
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
        int inserted = db.inTransaction(h -> h.attach(CallingPlanRepository.class).insert(account.value(), plan.id(),
                plan.name(), scope, includedMinutes == null ? null : Math.toIntExact(includedMinutes),
                plan.callTypes().stream().map(CallType::wire).sorted().toArray(String[]::new),
                plan.regions().stream().sorted().toArray(String[]::new)));
        if (inserted == 0) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("name", "A calling plan named " + plan.name() + " already exists.")));
        }
        return plan;
    }
}
