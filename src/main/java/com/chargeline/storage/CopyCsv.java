package com.chargeline.storage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV that Chargeline feeds to PostgreSQL's {@code COPY ... (FORMAT csv, NULL '\N')}: nulls as an
 * unquoted \N and every other value quoted, so an empty string stays an empty string and a client's
 * literal "\N" stays text (PostgreSQL never reads a quoted value as NULL).
 */
public final class CopyCsv {
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setNullString("\\N")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    public static final String OPTIONS = "(FORMAT csv, NULL '\\N')";

    private CopyCsv() {
    }
}
