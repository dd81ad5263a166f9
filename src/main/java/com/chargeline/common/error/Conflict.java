package com.chargeline.common.error;

import java.util.List;
import java.util.Map;

/** A request that collides with existing state, such as an e-mail address already in use. */
public final class Conflict extends BillingException {
    public Conflict(ErrorCode code, String message) {
        this(code, message, Map.of(), List.of());
    }

    public Conflict(ErrorCode code, String message, Map<String, String> args) {
        this(code, message, args, List.of());
    }

    public Conflict(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(code, message, args, fieldErrors);
    }
}
