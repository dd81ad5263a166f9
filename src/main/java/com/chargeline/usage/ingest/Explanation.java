package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.RatingEngine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

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
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

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

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
