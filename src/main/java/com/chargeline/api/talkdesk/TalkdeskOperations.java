package com.chargeline.api.talkdesk;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;

/** The Talkdesk-family operations and the scope each needs (Talkdesk Billing Insights). */
public final class TalkdeskOperations {
    /** {@code GET /express/usage/month}. */
    public static final Operation USAGE_MONTH = Operation.of("getAccountUsageMonth", RateLimit.talkdesk(Label.MEDIUM), ApiScopes.TALKDESK_USAGE_READ);

    private TalkdeskOperations() {
    }
}
