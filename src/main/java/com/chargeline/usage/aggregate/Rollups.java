package com.chargeline.usage.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
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
        var hours = new TreeMap<HourKey, Totals>(HOUR_ORDER);
        hours.putAll(hourly);
        upsert(h, "usage_hourly", accountId, hours, List.of(
                new Column<>("hour", "to_timestamp(%s)", "bigint", Long.class, k -> k.hour() * 3_600),
                new Column<>("kind", "%s", "text", String.class, HourKey::kind),
                new Column<>("call_type", "%s", "text", String.class, HourKey::callType),
                new Column<>("billing_account_id", "%s", "text", String.class, HourKey::billingAccountId),
                new Column<>("currency", "%s", "text", String.class, HourKey::currency),
                new Column<>("charged", "%s", "boolean", Boolean.class, HourKey::charged)));
        var months = new TreeMap<Key, Totals>(ORDER);
        months.putAll(monthly);
        upsert(h, "usage_monthly", accountId, months, List.of(
                new Column<>("month", "CAST(%s AS date)", "text", String.class, k -> k.period().toString()),
                new Column<>("kind", "%s", "text", String.class, Key::kind),
                new Column<>("call_type", "%s", "text", String.class, Key::callType),
                new Column<>("billing_account_id", "%s", "text", String.class, Key::billingAccountId),
                new Column<>("cost_center", "%s", "text", String.class, Key::costCenter),
                new Column<>("department", "%s", "text", String.class, Key::department),
                new Column<>("currency", "%s", "text", String.class, Key::currency),
                new Column<>("charged", "%s", "boolean", Boolean.class, Key::charged)));
    }

    /** A key column of a rollup table: its name, how the unnested value becomes it, the array type, the value. */
    private record Column<K, V>(String name, String expression, String arrayType, Class<V> type, Function<K, V> value) {
    }

    /** One {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE} adding {@code totals} to {@code table}. */
    private static <K> void upsert(Handle h, String table, UUID accountId, Map<K, Totals> totals,
                                   List<Column<K, ?>> columns) {
        if (totals.isEmpty()) {
            return;
        }
        var names = new StringBuilder();
        var values = new StringBuilder();
        var arrays = new StringBuilder();
        var aliases = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            var c = columns.get(i);
            names.append(c.name()).append(", ");
            values.append(c.expression().formatted("v" + i)).append(", ");
            arrays.append("CAST(:k").append(i).append(" AS ").append(c.arrayType()).append("[]), ");
            aliases.append("v").append(i).append(", ");
        }
        var update = h.createUpdate("INSERT INTO " + table + " (account_id, " + names + "records, billed_seconds, "
                + "total_charge) SELECT :account, " + values + "r, s, CAST(c AS numeric) FROM unnest(" + arrays
                + "CAST(:records AS bigint[]), CAST(:seconds AS bigint[]), CAST(:charges AS text[])) AS x(" + aliases
                + "r, s, c) ON CONFLICT (account_id, " + names.substring(0, names.length() - 2) + ") DO UPDATE SET "
                + "records = " + table + ".records + EXCLUDED.records, "
                + "billed_seconds = " + table + ".billed_seconds + EXCLUDED.billed_seconds, "
                + "total_charge = " + table + ".total_charge + EXCLUDED.total_charge").bind("account", accountId);
        for (int i = 0; i < columns.size(); i++) {
            bindColumn(update, "k" + i, columns.get(i), totals.keySet());
        }
        update.bindArray("records", Long.class, totals.values().stream().map(t -> t.records).toList())
                .bindArray("seconds", Long.class, totals.values().stream().map(t -> t.billedSeconds).toList())
                .bindArray("charges", String.class, totals.values().stream().map(t -> t.charge.toPlainString()).toList())
                .execute();
    }

    private static <K, V> void bindColumn(org.jdbi.v3.core.statement.Update update, String name, Column<K, V> column,
                                          java.util.Collection<K> keys) {
        update.bindArray(name, column.type(), keys.stream().map(column.value()).toList());
    }
}
