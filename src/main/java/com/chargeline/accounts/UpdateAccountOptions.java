package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.storage.Database;

/**
 * Changes a sub account's options (Zoom {@code PATCH /accounts/{id}/options}): pay mode,
 * auto-renewal and the connector-sharing settings.
 */
public final class UpdateAccountOptions {
    private final Database db;

    public UpdateAccountOptions(Database db) {
        this.db = db;
    }

    /**
     * {@code payMode} and {@code billingAutoRenew} may be null (unchanged); {@code connectorOptionsJson}
     * is the merged connector object; {@code listsConnectors} says whether the request named any
     * meeting or room connector.
     */
    public void update(Account account, PayMode payMode, Boolean billingAutoRenew, String connectorOptionsJson,
                       boolean listsConnectors) {
        if (listsConnectors) {
            // Chargeline runs no Meeting or Room Connectors, so no listed connector can be found.
            throw new Invalid(ErrorCode.MEETING_CONNECTORS_NOT_FOUND,
                    "Some meeting connectors you provided cannot be found.");
        }
        var current = account.options();
        db.inTransaction(h -> h.attach(AccountRepository.class).updateOptions(account.id().value(),
                (payMode == null ? current.payMode() : payMode).wire(),
                billingAutoRenew == null ? current.billingAutoRenew() : billingAutoRenew,
                connectorOptionsJson));
    }
}
