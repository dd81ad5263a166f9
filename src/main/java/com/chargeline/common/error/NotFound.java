package com.chargeline.common.error;

import java.util.List;
import java.util.Map;

/** A resource that does not exist, or that the caller may not know exists. */
public final class NotFound extends BillingException {
    public NotFound(ErrorCode code, String message) {
        this(code, message, Map.of(), List.of());
    }

    public NotFound(ErrorCode code, String message, Map<String, String> args) {
        this(code, message, args, List.of());
    }

    public NotFound(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(code, message, args, fieldErrors);
    }
}
