package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.RatingEngine;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Why a record costs what it costs, stored with it as JSON (STYLE B6.3): seconds as talked, free,
 * billed after increments, drawn from a calling plan and charged; the plan; the rate row, deck and
 * deck version; and for records not priced, the reason. Every field is present (null when it does
 * not apply), with snake_case names.
 *
 * <p>What the rate row says (increments, charge mode, prices, prefix, destination) is not repeated
 * in every record: deck versions never change, so {@link UsageQueries} reads it back from the
 * version's row when a record is shown ({@code rate_row}, {@code deck_id}, {@code deck_version}).
 * That keeps a rated row about a quarter smaller (888 → 665 bytes on average) and its COPY about a
 * fifth cheaper (docs/BENCHMARKS.md).
 *
 * <p>One instance writes a batch's explanations; the deck part is rendered once per rate and
 * reused, strings are escaped by Jackson's {@link JsonStringEncoder}.
 */
final class Explanations {
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
    /** The rendered rate-and-deck part, by rate (or by deck, for records without a rate), compared by identity. */
    private final Map<Object, String> parts = new IdentityHashMap<>();
    private final StringBuilder json = new StringBuilder(640);

    /** The explanation of {@code r} as JSON text; valid until the next call. */
    CharSequence of(RatingEngine.Result r, RatingEngine.Context ctx) {
        var p = r.priced();
        var out = json;
        out.setLength(0);
        out.append("{\"status\":");
        string(out, r.status().wire());
        out.append(",\"reason\":");
        string(out, r.reason());
        out.append(",\"actual_seconds\":").append(p.actualSeconds())
                .append(",\"free_seconds\":").append(p.freeSeconds())
                .append(",\"billed_seconds\":").append(p.billedSeconds())
                .append(",\"allowance_seconds\":").append(p.allowanceSeconds())
                .append(",\"charged_seconds\":").append(p.chargedSeconds())
                .append(",\"calling_plan\":");
        string(out, r.plan() == null ? null : r.plan().name());
        out.append(",\"rated_number\":");
        string(out, r.ratedNumber());
        return out.append(parts.computeIfAbsent(r.rate() != null ? r.rate() : ctx.deck().info(), k -> ratePart(r, ctx)));
    }

    /** {@code ,"rate_row":7,"deck_id":"...","deck_version":3}} for the rate of {@code r} on the deck of {@code ctx}. */
    private static String ratePart(RatingEngine.Result r, RatingEngine.Context ctx) {
        var rate = r.rate();
        var info = ctx.deck().info();
        var out = new StringBuilder(96);
        out.append(",\"rate_row\":").append(rate == null ? "null" : Integer.toString(rate.index()));
        out.append(",\"deck_id\":");
        string(out, info.deckId().toString());
        return out.append(",\"deck_version\":").append(info.version()).append('}').toString();
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append('"');
            ESCAPE.quoteAsString(value, out);
            out.append('"');
        }
    }
}
