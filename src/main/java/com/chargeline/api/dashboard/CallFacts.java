package com.chargeline.api.dashboard;

import com.chargeline.invoicing.UsageCharges;
import com.chargeline.usage.ingest.RatedCall;
import com.chargeline.usage.rating.Rate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the call lookup and rate deck pages show of a rated call, its stored explanation and a rate row. */
final class CallFacts {
    private static final List<List<String>> EXPLANATION = List.of(
            List.of("status", "Status"), List.of("reason", "Reason"), List.of("actual_seconds", "Actual seconds"),
            List.of("free_seconds", "Free seconds"), List.of("billed_seconds", "Billed seconds (after increments)"),
            List.of("increments", "Increments (first/next, seconds)"),
            List.of("allowance_seconds", "Allowance used (seconds)"), List.of("calling_plan", "Calling plan"),
            List.of("charged_seconds", "Charged seconds"), List.of("rated_number", "Rated number"),
            List.of("rate_prefix", "Rate row prefix"), List.of("rate_destination", "Rate row destination"),
            List.of("rate_row", "Rate row"), List.of("charge_mode", "Charge mode"),
            List.of("rate_per_min", "Rate per minute"), List.of("per_call_fee", "Per-call fee"),
            List.of("deck_name", "Rate deck"), List.of("deck_version", "Deck version"),
            List.of("deck_precision", "Deck precision"));

    private CallFacts() {
    }

    static List<Pages.Field> fields(RatedCall c, int ratings) {
        var p = c.parties();
        var t = c.timing();
        var r = c.rating();
        var out = new ArrayList<Pages.Field>();
        out.add(new Pages.Field("Call log id", c.callLogId()));
        out.add(new Pages.Field("Direction", p.direction()));
        out.add(new Pages.Field("Caller", p.callerNumber()));
        out.add(new Pages.Field("Callee", p.calleeNumber()));
        out.add(new Pages.Field("Call type", UsageCharges.callTypeName(r.callType())));
        out.add(new Pages.Field("Result", r.result()));
        out.add(new Pages.Field("Ended", t.endTime().toString()));
        out.add(new Pages.Field("Duration (seconds)", Integer.toString(t.durationSeconds())));
        out.add(new Pages.Field("Cost center", c.attribution().costCenter()));
        out.add(new Pages.Field("Department", c.attribution().department()));
        out.add(new Pages.Field("Rate per minute", r.rate().stripTrailingZeros().toPlainString()));
        out.add(new Pages.Field("Total charge", r.totalCharge().toPlainString() + " "
                + r.totalCharge().currency().getCurrencyCode()));
        out.add(new Pages.Field("Rating status", r.status() + (r.ratingError().isEmpty() ? "" : ": " + r.ratingError())));
        out.add(new Pages.Field("Rated", r.ratedAt().toString() + " (rating " + c.ratingNo() + " of " + ratings + ")"));
        return out;
    }

    static List<Pages.Field> explanation(RatedCall c, ObjectMapper json) {
        Map<String, Object> fields;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = json.readValue(c.explanationJson(), Map.class);
            fields = read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is not JSON", e);
        }
        var out = new ArrayList<Pages.Field>();
        for (var known : EXPLANATION) {
            if (fields.containsKey(known.get(0))) {
                var v = fields.get(known.get(0));
                out.add(new Pages.Field(known.get(1), v == null ? "—" : v.toString()));
            }
        }
        return out;
    }

    static Pages.RateRow row(Rate r) {
        var p = r.price();
        var v = r.validity();
        return new Pages.RateRow(UsageCharges.callTypeName(r.destination().callType().wire()), r.destination().prefix(),
                r.destination().name(), p.perMinute().stripTrailingZeros().toPlainString(),
                p.perCall().stripTrailingZeros().toPlainString(), p.increments().first() + "/" + p.increments().next(),
                Integer.toString(p.freeSeconds()), p.mode().wire(),
                "from " + v.from() + (v.toExclusive() == null ? "" : " until " + v.toExclusive()));
    }
}
