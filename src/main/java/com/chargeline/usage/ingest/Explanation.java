package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.RatingEngine;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Why a record costs what it costs, stored with it as JSON (STYLE B6.3): seconds as talked, free,
 * billed after increments, drawn from a calling plan and charged; the rate row, deck and version;
 * the plan; and for records not priced, the reason.
 */
public record Explanation(String status, String reason, long actualSeconds, long freeSeconds, long billedSeconds,
                          long allowanceSeconds, long chargedSeconds, String increments, String chargeMode,
                          String ratePerMin, String perCallFee, String ratePrefix, String rateDestination, Integer rateRow,
                          String deckId, Integer deckVersion, String deckName, Integer deckPrecision, String callingPlan,
                          String ratedNumber) {
    private static final JsonFactory JSON = new JsonFactory();

    public static Explanation of(RatingEngine.Result r, RatingEngine.Context ctx) {
        var p = r.priced();
        var rate = r.rate();
        var info = ctx.deck().info();
        return new Explanation(r.status().name().toLowerCase(), r.reason(), p.actualSeconds(), p.freeSeconds(),
                p.billedSeconds(), p.allowanceSeconds(), p.chargedSeconds(),
                rate == null ? null : rate.price().increments().toString(),
                rate == null ? null : rate.price().mode().wire(),
                rate == null ? null : rate.price().perMinute().stripTrailingZeros().toPlainString(),
                rate == null ? null : rate.price().perCall().stripTrailingZeros().toPlainString(),
                rate == null ? null : rate.destination().prefix(), rate == null ? null : rate.destination().name(),
                rate == null ? null : rate.index(), info.deckId().toString(), info.version(), info.name(),
                info.precision(), r.plan() == null ? null : r.plan().name(), r.ratedNumber());
    }

    /** The stored form: snake_case names, every field present (null when it does not apply). */
    public String toJson() {
        var out = new StringWriter(512);
        try (var g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", status);
            g.writeStringField("reason", reason);
            g.writeNumberField("actual_seconds", actualSeconds);
            g.writeNumberField("free_seconds", freeSeconds);
            g.writeNumberField("billed_seconds", billedSeconds);
            g.writeNumberField("allowance_seconds", allowanceSeconds);
            g.writeNumberField("charged_seconds", chargedSeconds);
            g.writeStringField("increments", increments);
            g.writeStringField("charge_mode", chargeMode);
            g.writeStringField("rate_per_min", ratePerMin);
            g.writeStringField("per_call_fee", perCallFee);
            g.writeStringField("rate_prefix", ratePrefix);
            g.writeStringField("rate_destination", rateDestination);
            optional(g, "rate_row", rateRow);
            g.writeStringField("deck_id", deckId);
            optional(g, "deck_version", deckVersion);
            g.writeStringField("deck_name", deckName);
            optional(g, "deck_precision", deckPrecision);
            g.writeStringField("calling_plan", callingPlan);
            g.writeStringField("rated_number", ratedNumber);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void optional(com.fasterxml.jackson.core.JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }
}
