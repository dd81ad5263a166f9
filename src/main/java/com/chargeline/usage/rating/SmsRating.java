package com.chargeline.usage.rating;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Rates a text message, as {@link RatingEngine} rates a call: reads nothing, writes nothing. The far
 * party (the destination of an outbound message, the sender of an inbound one) is classified in the
 * account's country; its country, the message type and the direction find the per-segment rate
 * ({@link SmsRates}); the segments are given or counted from the text ({@link SmsPricing}); the
 * charge is rate × segments under {@link Money#roundedPerRecord the per-record rule}. A message no rate prices is kept with a
 * zero charge and the reason, never dropped.
 */
public final class SmsRating {
    private final NumberClassifier classifier;

    public SmsRating(NumberClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** A message as rating needs it; {@code segments} null: counted from {@code textLength} and {@code encoding}. */
    public record Message(CallDirection direction, String type, String farNumber, Integer segments, Integer textLength,
                          String encoding) {
    }

    /**
     * How a message came out: {@code unitsPerSegment} in 10^-8 (-1: no rate), the far party's country
     * ({@code ZZ}: not a valid number), the charge at the deck's precision, and why it is not priced ("" when it is).
     */
    public record Result(RatingEngine.Status status, String reason, int segments, long unitsPerSegment, String farRegion,
                         Money charge) {
        /** The per-segment rate as a decimal (0 when none). */
        public BigDecimal ratePerSegment() {
            return unitsPerSegment < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(unitsPerSegment, Rate.UNIT_SCALE);
        }
    }

    public Result rate(Message m, String region, PriceList prices) {
        var info = prices.calls().info();
        int segments = m.segments() != null ? m.segments()
                : m.type().equals("MMS") ? 1 : SmsPricing.segments(m.textLength(), m.encoding());
        var far = classifier.classify(m.farNumber(), region);
        if (far.kind() == NumberClassifier.Kind.INVALID) {
            return unpriced((m.direction() == CallDirection.OUTBOUND ? "to_number" : "from_number")
                    + " is not a valid phone number", segments, "ZZ", info);
        }
        long units = prices.sms().find(far.region(), m.type(), m.direction().wire());
        if (units < 0) {
            return unpriced("no " + m.type() + " " + m.direction().wire() + " rate for " + far.region() + " in deck "
                    + info.name() + " v" + info.version(), segments, far.region(), info);
        }
        var charge = new Money(BigDecimal.valueOf(units, Rate.UNIT_SCALE), info.currency())
                .times(BigDecimal.valueOf(segments)).roundedPerRecord(info.precision());
        return new Result(RatingEngine.Status.RATED, "", segments, units, far.region(), charge);
    }

    private static Result unpriced(String reason, int segments, String farRegion, RateDeck.Info deck) {
        return new Result(RatingEngine.Status.ERROR, reason, segments, -1, farRegion,
                Money.ofUnscaled(0, deck.precision(), deck.currency()));
    }
}
