package com.chargeline.api.auth;

import java.util.List;

/** An API operation and the scopes that allow it: its macro scopes first, then its granular scopes. */
public record Operation(String id, List<String> scopes) {
    public Operation {
        scopes = List.copyOf(scopes);
    }

    public static Operation of(String id, String... scopes) {
        return new Operation(id, List.of(scopes));
    }
}
