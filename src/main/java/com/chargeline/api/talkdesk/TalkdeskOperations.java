package com.chargeline.api.talkdesk;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.api.auth.Operation;

/** The Talkdesk-family operations and the scope each needs (Talkdesk Billing Insights). */
public final class TalkdeskOperations {
    /** {@code GET /express/usage/month}. */
    public static final Operation USAGE_MONTH = Operation.of("getAccountUsageMonth", ApiScopes.TALKDESK_USAGE_READ);

    private TalkdeskOperations() {
    }
}
