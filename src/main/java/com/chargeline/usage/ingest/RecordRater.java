package com.chargeline.usage.ingest;

import com.chargeline.storage.BulkCopy;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.common.money.Money;

/**
 * Rates one kind of usage record against an account's context and writes what comes of it: the
 * record's row, in the column order of its {@link UsageKind}, and its share of the rollups. It reads
 * nothing: the COPY is open on the batch's connection while records are rated.
 */
interface RecordRater<R> {
    /** The kind of record it rates: the table and columns its rows go to. */
    UsageKind<R> kind();

    /**
     * Rates {@code r}, writes its row (rating number {@code ratingNo}) to {@code copy} and adds it to
     * {@code rollups}; calls draw included minutes from {@code allowances}.
     */
    Rated rate(R r, int ratingNo, BulkCopy copy, Rollups rollups, Allowances allowances);

    /** A record's charge at the deck's precision, and why it could not be priced ("" when it was). */
    record Rated(Money charge, String error) {
    }
}
