package com.chargeline.api.talkdesk;

import com.chargeline.common.error.FieldError;
import java.util.Objects;

/**
 * A {@code filter} or {@code order_by} of {@code GET /express/usage/month} that does not parse. The message says
 * where it failed ("unexpected 'like' at position 11: expected eq, ne, gt, ge, lt or le"); positions are 1-based
 * and count characters (Unicode code points) of the parameter's decoded value. The endpoint answers 400 with one
 * {@code fields[]} entry: {@link #fieldError()}.
 */
public final class UsageQueryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    UsageQueryError(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /** The query parameter at fault: {@code filter} or {@code order_by}. */
    public String parameter() {
        return parameter;
    }

    /** The {@code fields[]} entry of the 400: the parameter's name and the message. */
    public FieldError fieldError() {
        return new FieldError(parameter, getMessage());
    }
}
