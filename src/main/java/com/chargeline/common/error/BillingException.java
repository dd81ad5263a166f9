package com.chargeline.common.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Root of every error a client can cause. The subtypes are shaped by HTTP status class, the
 * {@link ErrorCode} says what exactly went wrong, and {@code args} carries the values the wire
 * messages quote (an account id, a country code, an e-mail). One mapper per API family turns them
 * into responses; the switch over this sealed hierarchy is exhaustive, so a new kind cannot be
 * forgotten there.
 */
public abstract sealed class BillingException extends RuntimeException
        permits NotFound, Invalid, Conflict, Unauthorized, Forbidden {

    private final ErrorCode code;
    private final Map<String, String> args;
    private final List<FieldError> fieldErrors;

    protected BillingException(ErrorCode code, String message, Map<String, String> args, List<FieldError> fieldErrors) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.args = Map.copyOf(args);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> args() {
        return args;
    }

    /** The named argument, or an empty string when the raiser did not give it. */
    public String arg(String name) {
        return args.getOrDefault(name, "");
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
