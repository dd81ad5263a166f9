package com.chargeline.common.error;

import java.util.Objects;

/** One invalid field of a request: the wire name of the field and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
