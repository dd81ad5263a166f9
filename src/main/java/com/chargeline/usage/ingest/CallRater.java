package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.storage.BulkCopy;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallingPlan;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.RatingEngine;
import java.time.Instant;
import java.util.List;

/**
 * Rates calls with the {@link RatingEngine} and writes their {@code rated_call} rows: the call as
 * reported, its attribution (the record's overrides, else its directory user's), the rating and its
 * {@linkplain Explanations explanation}. Included minutes are drawn per user and per month of the
 * account's zone.
 */
final class CallRater implements RecordRater<CallRecord> {
    private final AccountContext ctx;
    private final RatingEngine engine;
    private final NumberClassifier classifier;
    private final String account;
    private final String ratedAt;
    private final String currency;
    private final Explanations explanations = new Explanations();

    CallRater(AccountContext ctx, NumberClassifier classifier, Instant ratedAt) {
        this.ctx = ctx;
        this.engine = new RatingEngine(classifier);
        this.classifier = classifier;
        this.account = ctx.account().value().toString();
        this.ratedAt = ratedAt.toString();
        this.currency = ctx.currency().getCurrencyCode();
    }

    @Override
    public UsageKind<CallRecord> kind() {
        return UsageKind.CALLS;
    }

    @Override
    public Rated rate(CallRecord r, int ratingNo, BulkCopy copy, Rollups rollups, Allowances allowances) {
        var user = userOf(r);
        var engineCtx = engineContext(user);
        var result = engine.rate(engineCall(r, user), engineCtx, allowances);
        var a = r.attribution();
        var attr = user == null ? null : user.attribution();
        var dir = ctx.directory();
        var ownE164 = r.parties().outbound() ? result.callerE164() : result.calleeE164();
        var ext = r.parties().extensionNumber() != null ? r.parties().extensionNumber()
                : user == null ? null : user.identity().extensionNumber();
        var billingNumber = pick(a.billingNumber(), ownE164.isEmpty() ? (ext == null ? "" : "Ext. " + ext)
                : ownE164 + (ext == null ? "" : " Ext. " + ext));
        var billingAccount = pick(a.billingAccountId(), attr != null && !attr.billingAccountId().isEmpty()
                ? attr.billingAccountId() : dir.numberBillingAccounts().getOrDefault(ownE164, ""));
        var costCenter = pick(a.costCenter(), attr == null ? "" : attr.costCenter());
        var department = pick(a.department(), attr == null ? "" : attr.department());
        var rate = result.rate();
        var priced = result.priced();
        var charge = priced.charge(ctx.currency());
        boolean error = result.status() == RatingEngine.Status.ERROR;
        copy.values().add(account).add(r.timing().endTime()).add(r.callLogId()).add(ratingNo).add("t")
                .add(r.parties().direction()).add(r.parties().callerNumber())
                .add(pick(a.callerBillingNumber(), result.callerE164())).add(r.parties().calleeNumber())
                .add(pick(a.calleeBillingNumber(), result.calleeE164())).add(result.callType().wire())
                .add(r.outcome().serviceType() == null ? "call" : r.outcome().serviceType())
                .add(pick(a.callingPartyName(), user == null ? "" : user.identity().name())).add(costCenter)
                .add(pick(a.employeeId(), attr == null ? "" : attr.employeeId())).add(department).add(billingAccount)
                .add(r.timing().startTime()).add(r.timing().answerTime()).add(r.talkSeconds()).add(r.result().wire())
                .add(rate == null ? "per_min" : rate.price().mode().wire())
                .add(rate == null ? "0" : rate.price().perMinute().toPlainString())
                .add(currency).add(charge.toPlainString()).add(priced.scale())
                .add(billingNumber).add(a.forwardNumberBilling() == null ? "" : a.forwardNumberBilling())
                .add(result.status().wire()).add(error ? result.reason() : "")
                .add(explanations.of(result, engineCtx)).add(ratedAt)
                .add(r.parties().extensionNumber() == null ? "" : r.parties().extensionNumber())
                .add(result.farCountry()).add(user == null ? null : user.userId());
        copy.endRow();
        rollups.add(r.timing().endTime(), new Rollups.Key("call", result.callType().wire(), result.farCountry(),
                r.parties().direction(), "", billingAccount, costCenter, department, currency, charge.signum() > 0,
                r.result().wire(), user == null ? "" : user.userId().toString()),
                priced.billedSeconds(), 0, charge.amount(), +1);
        return new Rated(charge, error ? result.reason() : "");
    }

    /** The account's user on this call: by extension, else by the account's own number on the call. */
    private PhoneUser userOf(CallRecord record) {
        var own = record.parties().outbound() ? record.parties().callerNumber() : record.parties().calleeNumber();
        return DirectoryUsers.find(ctx.directory(), classifier, record.parties().extensionNumber(), own, ctx.region());
    }

    /** The account's side of rating one call: country, deck, own numbers and the user's calling plan. */
    private RatingEngine.Context engineContext(PhoneUser user) {
        var userPlans = user == null || user.attribution().callingPlan().isEmpty()
                ? List.<CallingPlan>of() : List.of(ctx.plans().get(user.attribution().callingPlan()));
        var own = ctx.directory().ownNumbers();
        return new RatingEngine.Context(ctx.region(), ctx.prices().calls(), own::contains, userPlans);
    }

    /** A record as the engine rates it; allowances are drawn per user and per month of the account's zone. */
    private RatingEngine.Call engineCall(CallRecord r, PhoneUser user) {
        var end = r.timing().endTime();
        return new RatingEngine.Call(r.parties().outbound(), r.parties().callerNumber(), r.parties().calleeNumber(),
                r.talkSeconds(), r.answered(), r.outcome().viaQueue(), end.atZone(ctx.zone()).toLocalDate(),
                user == null ? "account" : user.userId().toString(), Rollups.month(end, ctx.zone()).toString());
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback == null ? "" : fallback;
    }
}
