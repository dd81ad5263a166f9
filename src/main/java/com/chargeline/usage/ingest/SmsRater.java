package com.chargeline.usage.ingest;

import com.chargeline.storage.BulkCopy;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallDirection;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.RatingEngine;
import com.chargeline.usage.rating.SmsRating;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Rates text messages with {@link SmsRating} and writes their {@code rated_sms} rows: the message as
 * reported, its attribution (the record's overrides, else its directory user's), the rating and an
 * explanation (segments, the far party's country, the per-segment rate, the deck version).
 */
final class SmsRater implements RecordRater<SmsRecord> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountContext ctx;
    private final SmsRating rating;
    private final NumberClassifier classifier;
    private final String account;
    private final Instant ratedAt;
    private final String currency;

    SmsRater(AccountContext ctx, NumberClassifier classifier, Instant ratedAt) {
        this.ctx = ctx;
        this.rating = new SmsRating(classifier);
        this.classifier = classifier;
        this.account = ctx.account().value().toString();
        this.ratedAt = ratedAt;
        this.currency = ctx.currency().getCurrencyCode();
    }

    @Override
    public UsageKind<SmsRecord> kind() {
        return UsageKind.MESSAGES;
    }

    @Override
    public Rated rate(SmsRecord r, int ratingNo, BulkCopy copy, Rollups rollups, Allowances allowances) {
        var own = r.outbound() ? r.from() : r.to();
        var far = r.outbound() ? r.to() : r.from();
        var region = ctx.region();
        var user = DirectoryUsers.find(ctx.directory(), classifier, own.extensionNumber(), own.number(), region);
        var result = rating.rate(new SmsRating.Message(CallDirection.fromWire(r.direction()), r.type(), far.number(),
                r.size().segments(), r.size().textLength(), r.size().encoding()), region, ctx.prices());
        var charge = result.charge();
        var a = r.attribution();
        var costCenter = pick(a.costCenter(), user == null ? "" : user.attribution().costCenter());
        var department = pick(a.department(), user == null ? "" : user.attribution().department());
        var rate = result.ratePerSegment();
        var status = result.status() == RatingEngine.Status.RATED ? "rated" : "error";
        copy.row(account, r.sentTime(), r.messageId(), ratingNo, true,
                r.sessionId() == null ? "" : r.sessionId(), r.type(), r.direction(), r.from().number(),
                nz(r.from().extensionNumber()),
                pick(r.from().displayName(), r.outbound() && user != null ? user.identity().name() : ""),
                r.to().number(), nz(r.to().extensionNumber()),
                pick(r.to().displayName(), !r.outbound() && user != null ? user.identity().name() : ""),
                pick(a.billingNumber(), "+" + classifier.classify(own.number(), region).e164()), costCenter,
                department, result.segments(), rate.toPlainString(), currency, charge.toPlainString(),
                ctx.prices().calls().info().precision(), status, result.reason(), explanation(result, rate, status), ratedAt,
                user == null ? null : user.userId());
        var country = result.farRegion().equals("ZZ") ? "" : result.farRegion();
        rollups.add(r.sentTime(), new Rollups.Key("sms", "", country, r.direction(), r.type(), "", costCenter,
                department, currency, charge.signum() > 0, "", user == null ? "" : user.userId().toString()), 0, result.segments(), charge.amount(), +1);
        return new Rated(charge, result.reason());
    }

    /** Why the message costs what it costs, as stored JSON; Jackson writes it. */
    private String explanation(SmsRating.Result result, java.math.BigDecimal rate, String status) {
        var info = ctx.prices().calls().info();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("segments", result.segments());
        fields.put("destination_country", result.farRegion());
        fields.put("rate_per_segment", rate.stripTrailingZeros().toPlainString());
        fields.put("deck_id", info.deckId().toString());
        fields.put("deck_version", info.version());
        fields.put("status", status);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an SMS explanation could not be written", e);
        }
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
