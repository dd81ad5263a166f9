package com.chargeline.accounts.directory;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.List;
import java.util.Map;

/** Creates or renames a billing account of an account (the id is the client's, 1 to 64 safe characters). */
public final class UpsertBillingAccount {
    private final Database db;

    public UpsertBillingAccount(Database db) {
        this.db = db;
    }

    public void upsert(AccountId account, String billingAccountId, String name) {
        if (billingAccountId == null || !billingAccountId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                    "billing_account_id", "1 to 64 letters, digits, '_' or '-'.")));
        }
        db.inTransaction(h -> {
            h.attach(DirectoryRepository.class).upsertBillingAccount(account.value(), billingAccountId,
                    name == null ? "" : name.strip());
            return null;
        });
    }

}
