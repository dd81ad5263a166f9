package com.chargeline.accounts;

import java.util.Objects;

/**
 * What a new account is created from. {@code accountName} may be null (then it is "first last");
 * {@code transferCode} and {@code subResellerId} are the Zoom request's optional fields.
 */
public record NewAccount(Account.Owner owner, String password, String accountName, AccountOptions options,
                         String country, Extras extras) {
    public NewAccount {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(extras, "extras");
    }

    /** Optional fields of Zoom's create request that Chargeline answers but does not model. */
    public record Extras(String transferCode, String subResellerId) {
        public static Extras none() {
            return new Extras(null, null);
        }
    }
}
