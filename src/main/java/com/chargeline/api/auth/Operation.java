package com.chargeline.api.auth;

import java.util.List;
import java.util.Objects;

/**
 * An API operation, the rate limit it counts against (its table and label), and the scopes that allow it: its macro
 * scopes first, then its granular scopes.
 */
public record Operation(String id, RateLimit rateLimit, List<String> scopes) {
    public Operation {
        Objects.requireNonNull(rateLimit, "rateLimit");
        scopes = List.copyOf(scopes);
    }

    public static Operation of(String id, RateLimit rateLimit, String... scopes) {
        return new Operation(id, rateLimit, List.of(scopes));
    }
}
