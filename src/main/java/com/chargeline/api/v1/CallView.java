package com.chargeline.api.v1;

import com.chargeline.usage.ingest.RatedCall;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code GET …/usage/calls/{call_log_id}}: the current rating of a call, field by field (an allow
 * list: a new column of the table is not public until it is added here and to our OpenAPI file),
 * its explanation, and how many times the call was rated. Times are Zoom's {@code …T…Z}; money is a
 * string, the charge at the deck's precision.
 */
record CallView(String endTime, String callLogId, int ratingNo, String direction, String callerNumber,
                String callerBillingNumber, String calleeNumber, String calleeBillingNumber, String callType,
                String serviceType, String callingPartyName, String costCenter, String employeeId, String department,
                String billingAccountId, String startTime, String answerTime, int durationSeconds, String result,
                String chargeMode, String rate, String currency, String totalCharge, String billingNumber,
                String forwardNumberBilling, String status, String ratingError, String ratedAt, String extensionNumber,
                JsonNode explanation, int ratings) {
    private static final DateTimeFormatter ZOOM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The view of {@code ratings} (newest first, at least one). */
    static CallView from(List<RatedCall> ratings, ObjectMapper mapper) {
        var c = ratings.getFirst();
        var p = c.parties();
        var t = c.timing();
        var a = c.attribution();
        var r = c.rating();
        return new CallView(time(t.endTime()), c.callLogId(), c.ratingNo(), p.direction(), p.callerNumber(),
                p.callerBillingNumber(), p.calleeNumber(), p.calleeBillingNumber(), r.callType(), r.serviceType(),
                a.callingPartyName(), a.costCenter(), a.employeeId(), a.department(), a.billingAccountId(),
                time(t.startTime()), time(t.answerTime()), t.durationSeconds(), r.result(), r.chargeMode(),
                r.rate().stripTrailingZeros().toPlainString(), r.totalCharge().currency().getCurrencyCode(),
                r.totalCharge().toPlainString(), a.billingNumber(),
                a.forwardNumberBilling(), r.status(), r.ratingError(), time(r.ratedAt()), p.extensionNumber(),
                json(c.explanationJson(), mapper), ratings.size());
    }

    private static String time(Instant at) {
        return at == null ? null : ZOOM_TIME.format(at);
    }

    private static JsonNode json(String text, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is not JSON", e);
        }
    }
}
