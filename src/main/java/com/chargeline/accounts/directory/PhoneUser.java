package com.chargeline.accounts.directory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A phone user of an account: who a call's extension or number belongs to, and the attribution a
 * finance team reports by (employee id, department, cost center, billing account, calling plan).
 */
public record PhoneUser(UUID userId, Identity identity, Attribution attribution, List<String> phoneNumbers) {
    public PhoneUser {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(attribution, "attribution");
        phoneNumbers = List.copyOf(phoneNumbers);
    }

    /** Name, e-mail and extension. */
    public record Identity(String name, String email, String extensionNumber) {
    }

    /** Reporting attributes; empty strings when unknown. {@code callingPlan} names one of the account's plans. */
    public record Attribution(String employeeId, String department, String costCenter, String callingPlan,
                              String billingAccountId) {
    }
}
