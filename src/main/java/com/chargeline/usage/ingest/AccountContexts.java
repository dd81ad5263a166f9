package com.chargeline.usage.ingest;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.rating.CallingPlanQueries;
import com.chargeline.usage.rating.PriceLists;

/** Reads an account's {@link AccountContext}; usage cannot be rated (and is not taken) until a deck prices the account. */
public final class AccountContexts {
    private final AccountQueries accounts;
    private final DirectoryQueries directory;
    private final PriceLists decks;
    private final CallingPlanQueries plans;

    public AccountContexts(AccountQueries accounts, DirectoryQueries directory, PriceLists decks, CallingPlanQueries plans) {
        this.accounts = accounts;
        this.directory = directory;
        this.decks = decks;
        this.plans = plans;
    }

    public AccountContext load(AccountId accountId) {
        var profile = accounts.find(accountId).orElseThrow().profile();
        var prices = decks.priceListFor(accountId).orElseThrow(() -> new Invalid(ErrorCode.VALIDATION_FAILED,
                "No rate deck prices this account's usage: import a deck and assign it to the account."));
        return new AccountContext(accountId, profile.timeZone(), profile.country(), prices, directory.snapshot(accountId),
                plans.byName(accountId));
    }
}
