package com.chargeline.usage.ingest;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.List;
import java.util.Optional;

/** Reads of rated usage records. */
public final class UsageQueries {
    private final Database db;

    public UsageQueries(Database db) {
        this.db = db;
    }

    /** Every rating of a call, newest first; empty when the account has no such call. */
    public Optional<List<RatedCall>> callRatings(AccountId account, String callLogId) {
        var ratings = db.withRepository(RatedCallRepository.class, r -> r.ratings(account.value(), callLogId));
        return ratings.isEmpty() ? Optional.empty() : Optional.of(ratings);
    }
}
