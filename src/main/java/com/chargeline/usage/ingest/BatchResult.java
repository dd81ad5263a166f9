package com.chargeline.usage.ingest;

import com.chargeline.common.money.Money;
import java.util.List;

/**
 * What a batch of usage records did: how many came, how many were new and stored (the others are
 * duplicates of records already stored, by id), the records stored with a rating error, and the
 * total charge of the new records, in the account's currency.
 */
public record BatchResult(int received, int accepted, List<String> duplicates, List<RatingIssue> ratingErrors,
                          Money totalCharge) {
    public BatchResult {
        duplicates = List.copyOf(duplicates);
        ratingErrors = List.copyOf(ratingErrors);
    }

    /** A record stored with a rating error (visible, never a silent zero): its index in the batch, its id and why. */
    public record RatingIssue(int index, String recordId, String reason) {
    }
}
