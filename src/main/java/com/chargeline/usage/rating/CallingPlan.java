package com.chargeline.usage.rating;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Included minutes: a calling plan covers calls of some types (and, when {@code regions} is not
 * empty, to or from those countries) up to {@code includedMinutes} a month, per user or pooled per
 * account; an empty {@code includedMinutes} is unlimited.
 */
public record CallingPlan(UUID id, String name, Scope scope, OptionalLong includedMinutes, Set<CallType> callTypes,
                          Set<String> regions) {
    /** Whose minutes: each user's own, or one pool for the account. */
    public enum Scope { PER_USER, POOLED }

    public CallingPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(includedMinutes, "includedMinutes");
        callTypes = Set.copyOf(callTypes);
        regions = Set.copyOf(regions);
    }

    public boolean covers(CallType type, String region) {
        return callTypes.contains(type) && (regions.isEmpty() || regions.contains(region));
    }

    public boolean unlimited() {
        return includedMinutes.isEmpty();
    }
}
