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

    /**
     * The explanation as shown: the stored one, completed from the deck version's rate row it names
     * (deck versions never change). Records stored before explanations were slimmed carry these
     * fields themselves; theirs win.
     */
    private static final String EXPLANATION = """
            (jsonb_build_object(
                'increments', r.first_increment_s || '/' || r.next_increment_s,
                'charge_mode', r.charge_mode,
                'rate_per_min', trim_scale(r.rate_per_min)::text,
                'per_call_fee', trim_scale(r.per_call_fee)::text,
                'rate_prefix', r.prefix,
                'rate_destination', r.destination,
                'deck_name', d.name,
                'deck_precision', c.charge_scale) || c.explanation)::text AS explanation""";

    private static final String COLUMNS = java.util.Arrays.stream(RatedCallRows.COLUMNS.split(", "))
            .map(c -> c.equals("explanation") ? EXPLANATION : "c." + c)
            .collect(java.util.stream.Collectors.joining(", "));

    /** Every rating of a call, newest first, as column → value (the explanation as JSON text). */
    public Optional<List<Map<String, Object>>> callRatings(AccountId account, String callLogId) {
        var rows = db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rated_call c"
                        + " LEFT JOIN rate_deck d ON d.deck_id = CAST(c.explanation ->> 'deck_id' AS uuid)"
                        + " LEFT JOIN rate r ON r.account_id = d.account_id AND r.deck_id = d.deck_id"
                        + " AND r.version = CAST(c.explanation ->> 'deck_version' AS integer)"
                        + " AND r.row_no = CAST(c.explanation ->> 'rate_row' AS integer)"
                        + " WHERE c.account_id = :account AND c.call_log_id = :id ORDER BY c.rating_no DESC")
                .bind("account", account.value())
                .bind("id", callLogId)
                .mapToMap()
                .list());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }
}
