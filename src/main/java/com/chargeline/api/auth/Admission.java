package com.chargeline.api.auth;

import io.javalin.http.Context;

/**
 * Lets an authenticated request run its operation or refuses it (the rate limits): called once per request, when
 * the handler names its operation through {@link BearerAuth#caller}. Refusing is throwing.
 */
@FunctionalInterface
public interface Admission {
    /** Admits everything: rate limits off. */
    Admission NONE = (ctx, caller, operation) -> { };

    void admit(Context ctx, Caller caller, Operation operation);
}
