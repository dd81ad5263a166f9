package com.chargeline.usage.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Hourly (UTC) and monthly (the account's month) totals of rated usage, accumulated for one batch
 * in memory and added to the stored rows in the batch's transaction (STYLE B6.6: invoices and
 * report counts read these, never a scan of the records). Re-rating adds the new rating and
 * subtracts the old one. Hourly, so that a report window's total counts at most the two partial
 * hours at its ends from the records; monthly, split by cost center and department, for invoices.
 */
public final class Rollups {
    /** The dimensions a total is kept by. {@code period} is the first day of the account's month (null when adding). */
    public record Key(LocalDate period, String kind, String callType, String billingAccountId, String costCenter,
                      String department, String currency, boolean charged) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::period).thenComparing(Key::kind)
            .thenComparing(Key::callType).thenComparing(Key::billingAccountId).thenComparing(Key::costCenter)
            .thenComparing(Key::department).thenComparing(Key::currency).thenComparing(Key::charged);

    /** An hourly total's key: the UTC hour (epoch hours) and the dimensions the reports filter by. */
    private record HourKey(long hour, String kind, String callType, String billingAccountId, String currency,
                           boolean charged) {
    }

    private static final Comparator<HourKey> HOUR_ORDER = Comparator.comparingLong(HourKey::hour)
            .thenComparing(HourKey::kind).thenComparing(HourKey::callType).thenComparing(HourKey::billingAccountId)
            .thenComparing(HourKey::currency).thenComparing(HourKey::charged);

    /** Running totals of one key. */
    private static final class Totals {
        long records;
        long billedSeconds;
        BigDecimal charge = BigDecimal.ZERO;
    }

    private final ZoneId accountZone;
    private final Map<HourKey, Totals> hourly = new HashMap<>();
    private final Map<Key, Totals> monthly = new HashMap<>();
    /** The account-zone month of the last record, as [from, until) in epoch seconds: records of a batch mostly share one. */
    private LocalDate lastMonth;
    private long lastMonthFrom;
    private long lastMonthUntil;

    public Rollups(ZoneId accountZone) {
        this.accountZone = accountZone;
    }

    /** The account-zone month (its first day) an event belongs to. */
    public static LocalDate month(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().withDayOfMonth(1);
    }

    /** Adds one record (sign +1) or takes one away (sign -1). */
    public void add(Instant at, Key dimensions, long billedSeconds, BigDecimal charge, int sign) {
        var hour = new HourKey(Math.floorDiv(at.getEpochSecond(), 3_600), dimensions.kind(), dimensions.callType(),
                dimensions.billingAccountId(), dimensions.currency(), dimensions.charged());
        var month = new Key(monthOf(at), dimensions.kind(), dimensions.callType(), dimensions.billingAccountId(),
                dimensions.costCenter(), dimensions.department(), dimensions.currency(), dimensions.charged());
        accumulate(hourly.computeIfAbsent(hour, k -> new Totals()), billedSeconds, charge, sign);
        accumulate(monthly.computeIfAbsent(month, k -> new Totals()), billedSeconds, charge, sign);
    }

    private LocalDate monthOf(Instant at) {
        long s = at.getEpochSecond();
        if (lastMonth == null || s < lastMonthFrom || s >= lastMonthUntil) {
            lastMonth = month(at, accountZone);
            lastMonthFrom = lastMonth.atStartOfDay(accountZone).toEpochSecond();
            lastMonthUntil = lastMonth.plusMonths(1).atStartOfDay(accountZone).toEpochSecond();
        }
        return lastMonth;
    }

    private static void accumulate(Totals t, long billedSeconds, BigDecimal charge, int sign) {
        t.records += sign;
        t.billedSeconds += sign * billedSeconds;
        t.charge = sign > 0 ? t.charge.add(charge) : t.charge.subtract(charge);
    }

    /** Adds the accumulated totals to usage_hourly and usage_monthly, in key order (no deadlocks between batches). */
    public void apply(Handle h, UUID accountId) {
        upsertHourly(h, accountId);
        upsert(h, "usage_monthly", "month", "cost_center, department, ", accountId, monthly);
    }

    private void upsertHourly(Handle h, UUID accountId) {
        if (hourly.isEmpty()) {
            return;
        }
        var sorted = new TreeMap<HourKey, Totals>(HOUR_ORDER);
        sorted.putAll(hourly);
        int n = sorted.size();
        var hours = new ArrayList<Long>(n);
        var kinds = new ArrayList<String>(n);
        var types = new ArrayList<String>(n);
        var billing = new ArrayList<String>(n);
        var currencies = new ArrayList<String>(n);
        var charged = new ArrayList<Boolean>(n);
        var records = new ArrayList<Long>(n);
        var seconds = new ArrayList<Long>(n);
        var charges = new ArrayList<String>(n);
        sorted.forEach((k, t) -> {
            hours.add(k.hour() * 3_600);
            kinds.add(k.kind());
            types.add(k.callType());
            billing.add(k.billingAccountId());
            currencies.add(k.currency());
            charged.add(k.charged());
            records.add(t.records);
            seconds.add(t.billedSeconds);
            charges.add(t.charge.toPlainString());
        });
        h.createUpdate("INSERT INTO usage_hourly (account_id, hour, kind, call_type, billing_account_id, currency, charged, "
                        + "records, billed_seconds, total_charge) "
                        + "SELECT :account, to_timestamp(e), k, ct, ba, cu, ch, r, s, CAST(c AS numeric) "
                        + "FROM unnest(CAST(:hours AS bigint[]), CAST(:kinds AS text[]), CAST(:types AS text[]), "
                        + "CAST(:billing AS text[]), CAST(:currencies AS text[]), CAST(:charged AS boolean[]), "
                        + "CAST(:records AS bigint[]), CAST(:seconds AS bigint[]), CAST(:charges AS text[])) "
                        + "AS x(e, k, ct, ba, cu, ch, r, s, c) "
                        + "ON CONFLICT (account_id, hour, kind, call_type, billing_account_id, currency, charged) "
                        + "DO UPDATE SET records = usage_hourly.records + EXCLUDED.records, "
                        + "billed_seconds = usage_hourly.billed_seconds + EXCLUDED.billed_seconds, "
                        + "total_charge = usage_hourly.total_charge + EXCLUDED.total_charge")
                .bind("account", accountId)
                .bindArray("hours", Long.class, hours)
                .bindArray("kinds", String.class, kinds)
                .bindArray("types", String.class, types)
                .bindArray("billing", String.class, billing)
                .bindArray("currencies", String.class, currencies)
                .bindArray("charged", Boolean.class, charged)
                .bindArray("records", Long.class, records)
                .bindArray("seconds", Long.class, seconds)
                .bindArray("charges", String.class, charges)
                .execute();
    }

    private static void upsert(Handle h, String table, String periodColumn, String split, UUID accountId,
                               Map<Key, Totals> totals) {
        if (totals.isEmpty()) {
            return;
        }
        var sorted = new TreeMap<Key, Totals>(ORDER);
        sorted.putAll(totals);
        int n = sorted.size();
        var periods = new ArrayList<String>(n);
        var kinds = new ArrayList<String>(n);
        var types = new ArrayList<String>(n);
        var billing = new ArrayList<String>(n);
        var costCenters = new ArrayList<String>(n);
        var departments = new ArrayList<String>(n);
        var currencies = new ArrayList<String>(n);
        var charged = new ArrayList<Boolean>(n);
        var records = new ArrayList<Long>(n);
        var seconds = new ArrayList<Long>(n);
        var charges = new ArrayList<String>(n);
        sorted.forEach((k, t) -> {
            periods.add(k.period().toString());
            kinds.add(k.kind());
            types.add(k.callType());
            billing.add(k.billingAccountId());
            costCenters.add(k.costCenter());
            departments.add(k.department());
            currencies.add(k.currency());
            charged.add(k.charged());
            records.add(t.records);
            seconds.add(t.billedSeconds);
            charges.add(t.charge.toPlainString());
        });
        boolean fine = !split.isEmpty();
        h.createUpdate("INSERT INTO " + table + " (account_id, " + periodColumn + ", kind, call_type, billing_account_id, "
                        + split + "currency, charged, records, billed_seconds, total_charge) "
                        + "SELECT :account, CAST(p AS date), k, ct, ba, " + (fine ? "cc, dp, " : "") + "cu, ch, r, s, "
                        + "CAST(c AS numeric) FROM unnest(CAST(:periods AS text[]), CAST(:kinds AS text[]), "
                        + "CAST(:types AS text[]), CAST(:billing AS text[]), CAST(:costCenters AS text[]), "
                        + "CAST(:departments AS text[]), CAST(:currencies AS text[]), CAST(:charged AS boolean[]), "
                        + "CAST(:records AS bigint[]), CAST(:seconds AS bigint[]), CAST(:charges AS text[])) "
                        + "AS x(p, k, ct, ba, cc, dp, cu, ch, r, s, c) "
                        + "ON CONFLICT (account_id, " + periodColumn + ", kind, call_type, billing_account_id, " + split
                        + "currency, charged) DO UPDATE SET records = " + table + ".records + EXCLUDED.records, "
                        + "billed_seconds = " + table + ".billed_seconds + EXCLUDED.billed_seconds, "
                        + "total_charge = " + table + ".total_charge + EXCLUDED.total_charge")
                .bind("account", accountId)
                .bindArray("periods", String.class, periods)
                .bindArray("kinds", String.class, kinds)
                .bindArray("types", String.class, types)
                .bindArray("billing", String.class, billing)
                .bindArray("costCenters", String.class, costCenters)
                .bindArray("departments", String.class, departments)
                .bindArray("currencies", String.class, currencies)
                .bindArray("charged", Boolean.class, charged)
                .bindArray("records", Long.class, records)
                .bindArray("seconds", Long.class, seconds)
                .bindArray("charges", String.class, charges)
                .execute();
    }
}
