package com.chargeline.usage.ingest;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.Database;
import com.chargeline.storage.MonthlyPartitions;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.PriceLists;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.PriceList;
import com.chargeline.usage.rating.RateDeck;
import com.chargeline.usage.rating.SmsPricing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ingests a batch of SMS/MMS records: all or nothing, idempotent on (account, message_id), priced
 * per segment by the destination country (outbound) or the sender's country (inbound), written
 * with COPY and added to the rollups in the same transaction.
 */
public final class IngestSms {
    private static final String COLUMNS = "account_id, sent_time, message_id, rating_no, current, session_id, message_type, "
            + "direction, from_number, from_extension_number, from_display_name, to_number, to_extension_number, "
            + "to_display_name, billing_number, cost_center, department, segments, rate, currency, total_charge, charge_scale, "
            + "status, rating_error, explanation, rated_at";
    private final Database db;
    private final Clock clock;
    private final AccountQueries accounts;
    private final DirectoryQueries directory;
    private final PriceLists decks;
    private final NumberClassifier classifier;

    public IngestSms(Database db, Clock clock, AccountQueries accounts, DirectoryQueries directory, PriceLists decks,
                     NumberClassifier classifier) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.directory = directory;
        this.decks = decks;
        this.classifier = classifier;
    }

    public IngestCalls.Result ingest(AccountId accountId, List<SmsRecord> records) {
        validate(records);
        var account = accounts.find(accountId).orElseThrow();
        var prices = decks.priceListFor(accountId).orElseThrow(IngestCalls::noDeck);
        var zone = account.profile().timeZone();
        var region = account.profile().country();
        var dir = directory.snapshot(accountId);
        var info = prices.calls().info();
        MonthlyPartitions.ensure(db, "rated_sms", records.stream()
                .map(r -> YearMonth.from(r.sentTime().atZone(ZoneOffset.UTC))).collect(Collectors.toSet()));
        return db.inTransactionRetrying(h -> {
            var fresh = IdempotencyKeys.claim(h, "sms_key", "message_id", "sent_time", accountId.value(),
                    records.stream().map(SmsRecord::messageId).toList(), records.stream().map(SmsRecord::sentTime).toList());
            var order = new ArrayList<Integer>();
            var duplicates = new ArrayList<String>();
            for (int i = 0; i < records.size(); i++) {
                if (fresh.contains(records.get(i).messageId())) {
                    order.add(i);
                } else {
                    duplicates.add(records.get(i).messageId());
                }
            }
            order.sort(Comparator.comparing(i -> records.get(i).sentTime()));
            var rollups = new Rollups(zone);
            var issues = new ArrayList<IngestCalls.RatingIssue>();
            var total = BigDecimal.ZERO;
            var now = clock.instant();
            try (var copy = BulkCopy.into("rated_sms", COLUMNS)) {
                if (!order.isEmpty()) {
                    copy.open(h);
                }
                for (int i : order) {
                    var r = records.get(i);
                    var own = r.outbound() ? r.from() : r.to();
                    var far = r.outbound() ? r.to() : r.from();
                    var user = DirectoryUsers.find(dir, classifier, own.extensionNumber(), own.number(), region);
                    var priced = price(r, far, region, prices, info);
                    int segments = priced.segments();
                    long units = priced.units();
                    var error = priced.error();
                    long unscaled = units < 0 ? 0 : SmsPricing.charge(units, segments, info.precision());
                    var charge = BigDecimal.valueOf(unscaled, info.precision());
                    if (!error.isEmpty()) {
                        issues.add(new IngestCalls.RatingIssue(i, r.messageId(), error));
                    }
                    total = total.add(charge);
                    var a = r.attribution();
                    var costCenter = pick(a.costCenter(), user == null ? "" : user.attribution().costCenter());
                    var department = pick(a.department(), user == null ? "" : user.attribution().department());
                    var rate = units < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(units, 8);
                    var explanation = "{\"segments\":" + segments + ",\"destination_country\":\"" + priced.farRegion()
                            + "\",\"rate_per_segment\":\"" + rate.stripTrailingZeros().toPlainString() + "\",\"deck_id\":\""
                            + info.deckId() + "\",\"deck_version\":" + info.version() + ",\"status\":\""
                            + (error.isEmpty() ? "rated" : "error") + "\"}";
                    copy.row(accountId.value(), r.sentTime(), r.messageId(), 1, true,
                            r.sessionId() == null ? "" : r.sessionId(), r.type(), r.direction(), r.from().number(),
                            nz(r.from().extensionNumber()), pick(r.from().displayName(), r.outbound() && user != null ? user.identity().name() : ""),
                            r.to().number(), nz(r.to().extensionNumber()),
                            pick(r.to().displayName(), !r.outbound() && user != null ? user.identity().name() : ""),
                            pick(a.billingNumber(), "+" + classifier.classify(own.number(), region).e164()), costCenter,
                            department, segments, rate.toPlainString(), info.currency().getCurrencyCode(),
                            charge.toPlainString(), info.precision(), error.isEmpty() ? "rated" : "error", error, explanation, now);
                    rollups.add(r.sentTime(), new Rollups.Key(null, "sms", "", "", costCenter, department,
                            info.currency().getCurrencyCode(), charge.signum() > 0), 0, charge, +1);
                }
                copy.end(h);
            }
            rollups.apply(h, accountId.value());
            return new IngestCalls.Result(records.size(), order.size(), duplicates, issues, total,
                    info.currency().getCurrencyCode());
        });
    }

    /** Segments, the per-segment rate (-1: none) and, when it cannot be priced, why. */
    private record Priced(int segments, long units, String farRegion, String error) {
    }

    private Priced price(SmsRecord r, SmsRecord.Party far, String region, PriceList prices, RateDeck.Info info) {
        var farNumber = classifier.classify(far.number(), region);
        int segments = r.size().segments() != null ? r.size().segments()
                : r.type().equals("MMS") ? 1 : SmsPricing.segments(r.size().textLength(), r.size().encoding());
        if (farNumber.kind() == NumberClassifier.Kind.INVALID) {
            return new Priced(segments, -1, "ZZ", (r.outbound() ? "to_number" : "from_number") + " is not a valid phone number");
        }
        long units = prices.sms().find(farNumber.region(), r.type(), r.direction());
        var error = units < 0 ? "no " + r.type() + " " + r.direction() + " rate for " + farNumber.region() + " in deck "
                + info.name() + " v" + info.version() : "";
        return new Priced(segments, units, farNumber.region(), error);
    }

    private void validate(List<SmsRecord> records) {
        SmsValidation.validate(records, clock);
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
