package com.chargeline.common.error;

import java.util.List;
import java.util.Map;

/** Client input that breaks a rule: a malformed body, a bad field, a refused business precondition. */
public final class Invalid extends BillingException {
    public Invalid(ErrorCode code, String message) {
        this(code, message, Map.of(), List.of());
    }

    public Invalid(ErrorCode code, String message, Map<String, String> args) {
        this(code, message, args, List.of());
    }

    public Invalid(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(code, message, args, fieldErrors);
    }
}
