package com.chargeline.accounts;

import java.util.Objects;

/**
 * The options object of a Zoom account: who pays, auto-renewal, and the connector-sharing flags
 * and lists, kept as a JSON object text because Chargeline only stores and echoes them.
 */
public record AccountOptions(PayMode payMode, boolean billingAutoRenew, String connectorOptionsJson) {
    public AccountOptions {
        Objects.requireNonNull(payMode, "payMode");
        Objects.requireNonNull(connectorOptionsJson, "connectorOptionsJson");
    }

    public static AccountOptions defaults() {
        return new AccountOptions(PayMode.MASTER, false, "{}");
    }
}
