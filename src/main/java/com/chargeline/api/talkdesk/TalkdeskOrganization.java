package com.chargeline.api.talkdesk;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountAccess;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Forbidden;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import java.util.Map;

/**
 * Talkdesk's "organization" of a caller: its own account and, for a master, its sub accounts ({@link AccountAccess}).
 * An account id outside it, existing or not, is Talkdesk's documented 403, the same answer for both so nothing leaks.
 */
public final class TalkdeskOrganization {
    private final AccountAccess access;

    public TalkdeskOrganization(AccountAccess access) {
        this.access = access;
    }

    /** The account {@code accountId} names when it is under the caller's organization. */
    public Account resolve(AccountId caller, String accountId) {
        if (AccountAccess.ME.equals(accountId)) {
            throw outside(accountId);
        }
        try {
            return access.resolve(caller, accountId);
        } catch (NotFound e) {
            throw outside(accountId);
        }
    }

    public static Forbidden outside(String accountId) {
        return new Forbidden(ErrorCode.ACCOUNT_OUTSIDE_ORGANIZATION,
                "The account " + accountId + " is not under the organization.", Map.of("account_id", accountId));
    }
}
