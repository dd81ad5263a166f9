package com.chargeline.common.error;

import java.util.List;
import java.util.Map;

/** An authenticated caller asking for something its account kind may not do. */
public final class Forbidden extends BillingException {
    public Forbidden(ErrorCode code, String message) {
        this(code, message, Map.of(), List.of());
    }

    public Forbidden(ErrorCode code, String message, Map<String, String> args) {
        this(code, message, args, List.of());
    }

    public Forbidden(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(code, message, args, fieldErrors);
    }
}
