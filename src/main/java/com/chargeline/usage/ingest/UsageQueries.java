package com.chargeline.usage.ingest;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of rated usage records. */
public final class UsageQueries {
    private final Database db;

    public UsageQueries(Database db) {
        this.db = db;
    }

    /** Every rating of a call, newest first, as column → value (the explanation as JSON text). */
    public Optional<List<Map<String, Object>>> callRatings(AccountId account, String callLogId) {
        var rows = db.withHandle(h -> h.createQuery("SELECT " + RatedCallRows.COLUMNS.replace("explanation",
                                "explanation::text AS explanation") + " FROM rated_call"
                        + " WHERE account_id = :account AND call_log_id = :id ORDER BY rating_no DESC")
                .bind("account", account.value())
                .bind("id", callLogId)
                .mapToMap()
                .list());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }
}
