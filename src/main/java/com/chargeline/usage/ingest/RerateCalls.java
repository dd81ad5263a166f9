package com.chargeline.usage.ingest;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallingPlans;
import com.chargeline.usage.rating.PriceLists;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.RatingEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-rates an account's calls with its current deck, plans and directory (after a deck change or a
 * late record). Included minutes are drawn per month in end-time order, so whole months (in the
 * account's zone) are re-rated: every current row of those months gets a new row with the next
 * rating number, the old row stays as it was but is no longer current, the rollups lose the old
 * ratings and gain the new, and the months' calling-plan usage is recomputed. One transaction.
 * Attribution (cost center, department, names, billing numbers) is kept as first stored.
 */
public final class RerateCalls {
    private final Database db;
    private final Clock clock;
    private final AccountQueries accounts;
    private final DirectoryQueries directory;
    private final PriceLists decks;
    private final CallingPlans plans;
    private final NumberClassifier classifier;
    private final IngestCalls ingest;

    public RerateCalls(Database db, Clock clock, AccountQueries accounts, DirectoryQueries directory, PriceLists decks,
                       CallingPlans plans, NumberClassifier classifier, IngestCalls ingest) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.directory = directory;
        this.decks = decks;
        this.plans = plans;
        this.classifier = classifier;
        this.ingest = ingest;
    }

    /** What a re-rating did: months covered, calls re-rated, and the charge before and after. */
    public record Result(LocalDate fromMonth, LocalDate toMonthExclusive, int calls, int changed, BigDecimal before,
                         BigDecimal after) {
    }

    /** One stored rating, as needed to rate the call again and to take it out of the rollups. */
    private record Stored(CallRecord record, int ratingNo, String callType, String billingAccountId, String costCenter,
                          String department, String currency, long billedSeconds, BigDecimal charge) {
    }

    public Result rerate(AccountId accountId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "--to is before --from.");
        }
        var account = accounts.find(accountId).orElseThrow();
        var zone = account.profile().timeZone();
        var region = account.profile().country();
        var prices = decks.priceListFor(accountId).orElseThrow(IngestCalls::noDeck);
        var dir = directory.snapshot(accountId);
        var planByName = plans.byName(accountId);
        var firstMonth = from.withDayOfMonth(1);
        var endMonth = to.withDayOfMonth(1).plusMonths(1);
        var start = firstMonth.atStartOfDay(zone).toInstant();
        var end = endMonth.atStartOfDay(zone).toInstant();
        var engine = new RatingEngine(classifier);
        return db.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "chargeline.allowance:" + accountId.value());
            var stored = h.createQuery("SELECT " + RatedCallRows.COLUMNS.replace("explanation",
                            "(explanation->>'billed_seconds')::bigint AS billed_seconds") + " FROM rated_call"
                            + " WHERE account_id = :a AND current AND end_time >= :start AND end_time < :end"
                            + " ORDER BY end_time, call_log_id FOR UPDATE")
                    .bind("a", accountId.value()).bind("start", start).bind("end", end)
                    .map((rs, ctx) -> new Stored(new CallRecord(rs.getString("call_log_id"),
                            new CallRecord.Parties(rs.getString("direction"), rs.getString("caller_number"),
                                    rs.getString("callee_number"), blank(rs.getString("extension_number"))),
                            new CallRecord.Timing(instant(rs.getObject("start_time", OffsetDateTime.class)),
                                    instant(rs.getObject("answer_time", OffsetDateTime.class)),
                                    rs.getObject("end_time", OffsetDateTime.class).toInstant(), rs.getLong("duration_seconds")),
                            new CallRecord.Outcome(rs.getString("result"), rs.getString("service_type"),
                                    "callCenter".equals(rs.getString("call_type"))),
                            new CallRecord.Attribution(rs.getString("calling_party_name"), rs.getString("cost_center"),
                                    rs.getString("employee_id"), rs.getString("department"), rs.getString("billing_number"),
                                    rs.getString("billing_account_id"), rs.getString("caller_billing_number"),
                                    rs.getString("callee_billing_number"), rs.getString("forward_number_billing"))),
                            rs.getInt("rating_no"), rs.getString("call_type"), rs.getString("billing_account_id"),
                            rs.getString("cost_center"), rs.getString("department"), rs.getString("currency"),
                            rs.getLong("billed_seconds"), rs.getBigDecimal("total_charge")))
                    .list();
            var next = new HashMap<String, Integer>();
            stored.forEach(s -> next.put(s.record().callLogId(), s.ratingNo() + 1));
            var rows = new RatedCallRows(accountId.value(), clock.instant(), zone)
                    .ratingNumbers(r -> next.get(r.callLogId()));
            var rollups = rows.rollups();
            var allowances = new Allowances();
            var before = BigDecimal.ZERO;
            var after = BigDecimal.ZERO;
            int changed = 0;
            for (var s : stored) {
                var r = s.record();
                rollups.add(r.timing().endTime(), new Rollups.Key(null, "call", s.callType(), s.billingAccountId(),
                        s.costCenter(), s.department(), s.currency(), s.charge().signum() > 0), s.billedSeconds(), s.charge(), -1);
                var user = ingest.userOf(r, dir, region);
                var ctx = IngestCalls.context(user, dir, region, prices, planByName);
                var result = engine.rate(IngestCalls.call(r, user, zone), ctx, allowances);
                rows.add(r, user, dir, result, ctx);
                before = before.add(s.charge());
                after = after.add(result.priced().charge());
                if (result.priced().charge().compareTo(s.charge()) != 0) {
                    changed++;
                }
            }
            h.createUpdate("UPDATE rated_call SET current = false WHERE account_id = :a AND current"
                            + " AND end_time >= :start AND end_time < :end")
                    .bind("a", accountId.value()).bind("start", start).bind("end", end).execute();
            rows.copyInto(h);
            rollups.apply(h, accountId.value());
            h.createUpdate("DELETE FROM allowance_usage WHERE account_id = :a AND month >= :from AND month < :to")
                    .bind("a", accountId.value()).bind("from", firstMonth).bind("to", endMonth).execute();
            new AllowanceLedger(accountId.value(), Map.of()).store(h, allowances);
            return new Result(firstMonth, endMonth, stored.size(), changed, before, after);
        });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
