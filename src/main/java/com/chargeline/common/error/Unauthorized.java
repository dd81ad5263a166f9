package com.chargeline.common.error;

import java.util.List;
import java.util.Map;

/** A missing, forged or expired credential, or one without the scope the operation needs. */
public final class Unauthorized extends BillingException {
    public Unauthorized(ErrorCode code, String message) {
        this(code, message, Map.of(), List.of());
    }

    public Unauthorized(ErrorCode code, String message, Map<String, String> args) {
        this(code, message, args, List.of());
    }

    public Unauthorized(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(code, message, args, fieldErrors);
    }
}
