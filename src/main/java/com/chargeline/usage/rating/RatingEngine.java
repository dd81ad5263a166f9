package com.chargeline.usage.rating;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Rates a call: classifies both numbers (libphonenumber, cached), decides the Zoom call type,
 * finds the rate by longest prefix, draws on the caller's calling plans and prices the rest. It
 * reads nothing and writes nothing; everything it needs comes in the arguments (STYLE B6.2).
 *
 * <p>Call types: a call through a contact-center queue is {@code callCenter}; a call to an
 * extension or to one of the account's own numbers is {@code voip}; a call to a toll-free number
 * is {@code tollfree}; otherwise {@code local} when the other party is in the account's country and
 * {@code international} when not. Outbound calls are priced by the callee's number. Inbound calls
 * to one of the account's toll-free numbers are priced by the caller's number (the owner of a
 * toll-free number pays by origin); other inbound calls carry no usage charge.
 */
public final class RatingEngine {
    private final NumberClassifier classifier;

    public RatingEngine(NumberClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** A call as the engine needs it. */
    public record Call(boolean outbound, String callerNumber, String calleeNumber, long durationSeconds,
                       boolean answered, boolean viaQueue, LocalDate day, String userKey, String month) {
    }

    /** The account's side of rating: its country, its deck, its own numbers and the caller's plans. */
    public record Context(String region, RateDeck deck, LongPredicate ownNumber, List<CallingPlan> plans) {
    }

    /** How a call came out: priced by a rate, not chargeable by policy, or not priceable (an error kept on the record). */
    public enum Status {
        RATED, NOT_CHARGED, ERROR;

        private final String wire = name().toLowerCase(java.util.Locale.ROOT);

        /** As stored and shown: rated, not_charged, error. */
        public String wire() {
            return wire;
        }
    }

    /**
     * The result and its explanation. {@code rate} is null unless RATED; {@code farCountry} is the region of the
     * party the call is priced by (the callee of an outbound call, the caller of an inbound one), "" when that is
     * not a valid number or is an extension.
     */
    public record Result(Status status, String reason, CallType callType, String callerE164, String calleeE164,
                         String ratedNumber, Rate rate, Pricing.Priced priced, CallingPlan plan, String farCountry) {
    }

    public Result rate(Call call, Context ctx, Allowances allowances) {
        int scale = ctx.deck().info().precision();
        long caller = classifier.classifyPacked(call.callerNumber(), ctx.region());
        long callee = classifier.classifyPacked(call.calleeNumber(), ctx.region());
        var callerE164 = e164(caller);
        var calleeE164 = e164(callee);
        long far = call.outbound() ? callee : caller;
        long own = call.outbound() ? caller : callee;
        if (NumberClassifier.kind(far) == NumberClassifier.Kind.INVALID) {
            return error(call.outbound() ? "callee_number is not a valid phone number" : "caller_number is not a valid phone number",
                    CallType.LOCAL, callerE164, calleeE164, "", call, scale);
        }
        var farCountry = country(far);
        var type = callType(call, far, ctx);
        boolean tollFreeInbound = !call.outbound() && NumberClassifier.kind(own) == NumberClassifier.Kind.TOLL_FREE;
        if (!call.outbound() && !tollFreeInbound && type != CallType.CALL_CENTER) {
            return notCharged("inbound call: no usage charge", type, callerE164, calleeE164, farCountry, call, scale);
        }
        var rated = Long.toString(NumberClassifier.digits(far));
        if (NumberClassifier.kind(far) == NumberClassifier.Kind.EXTENSION) {
            // An extension has no E.164 form; on-net calls are free unless the deck prices voip.
            return notCharged("on-net call to an extension", CallType.VOIP, callerE164, calleeE164, farCountry, call, scale);
        }
        long farDigits = NumberClassifier.digits(far);
        int index = ctx.deck().findIndex(type, farDigits, digitCount(farDigits), (int) call.day().toEpochDay());
        var rate = index < 0 ? null : ctx.deck().rate(index);
        if (rate == null) {
            if (type == CallType.VOIP) {
                return notCharged("on-net call: the deck has no voip rate", type, callerE164, calleeE164, farCountry, call, scale);
            }
            return error("no rate for " + type.wire() + " +" + rated + " in deck " + ctx.deck().info().name()
                    + " v" + ctx.deck().info().version(), type, callerE164, calleeE164, farCountry, call, scale);
        }
        var region = NumberClassifier.region(far);
        CallingPlan plan = null;
        long available = 0;
        Allowances.Holder holder = null;
        for (var candidate : ctx.plans()) {
            if (candidate.covers(type, region)) {
                plan = candidate;
                holder = Allowances.holder(candidate, call.userKey(), call.month());
                available = allowances.available(candidate, holder);
                break;
            }
        }
        var priced = ctx.deck().price(index, call.durationSeconds(), call.answered(), available);
        if (holder != null) {
            allowances.draw(holder, priced.allowanceSeconds());
        }
        return new Result(Status.RATED, "", type, callerE164, calleeE164, rated, rate, priced, plan, farCountry);
    }

    /** The country of a party, "" when it has none: an extension, or a non-geographic number (region 001 or ZZ). */
    private static String country(long packed) {
        if (NumberClassifier.kind(packed) == NumberClassifier.Kind.EXTENSION) {
            return "";
        }
        var region = NumberClassifier.region(packed);
        return region.length() == 2 && !region.equals("ZZ") ? region : "";
    }

    private static int digitCount(long digits) {
        int n = 1;
        while (digits >= 10) {
            digits /= 10;
            n++;
        }
        return n;
    }

    private static CallType callType(Call call, long far, Context ctx) {
        if (call.viaQueue()) {
            return CallType.CALL_CENTER;
        }
        var kind = NumberClassifier.kind(far);
        if (kind == NumberClassifier.Kind.EXTENSION || ctx.ownNumber().test(NumberClassifier.digits(far))) {
            return CallType.VOIP;
        }
        if (kind == NumberClassifier.Kind.TOLL_FREE) {
            return CallType.TOLLFREE;
        }
        return ctx.region().equals(NumberClassifier.region(far)) ? CallType.LOCAL : CallType.INTERNATIONAL;
    }

    private static String e164(long packed) {
        return switch (NumberClassifier.kind(packed)) {
            case INVALID -> "";
            case EXTENSION -> Long.toString(NumberClassifier.digits(packed));
            default -> "+" + NumberClassifier.digits(packed);
        };
    }

    private static Result notCharged(String reason, CallType type, String caller, String callee, String farCountry,
                                     Call call, int scale) {
        return new Result(Status.NOT_CHARGED, reason, type, caller, callee, "", null,
                new Pricing.Priced(Math.max(0, call.durationSeconds()), 0, 0, 0, 0, scale), null, farCountry);
    }

    private static Result error(String reason, CallType type, String caller, String callee, String farCountry,
                                Call call, int scale) {
        return new Result(Status.ERROR, reason, type, caller, callee, "", null,
                new Pricing.Priced(Math.max(0, call.durationSeconds()), 0, 0, 0, 0, scale), null, farCountry);
    }
}
