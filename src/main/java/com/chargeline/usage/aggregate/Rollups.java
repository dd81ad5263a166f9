package com.chargeline.usage.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Hourly (UTC) and monthly (the account's month) totals of rated usage, accumulated for one batch
 * in memory and added to the stored rows in the batch's transaction (invoices and report counts
 * read these, never a scan of the records). Re-rating adds the new rating and subtracts the old one.
 * Hourly, so that a report window's total counts at most the two partial hours at its ends from the
 * records; monthly, split by cost center, department and billing account, for usage reporting; and
 * the invoice-line totals ({@code usage_lines_monthly}: call type, country, direction, message type,
 * charged), which invoices bill, and the same by product alone ({@code usage_products_monthly}, Talkdesk's monthly
 * usage); and daily totals in the account's calendar for the native usage summary
 * ({@code usage_days}: a call's call type or a message's type, and country; {@code usage_party_days}: user, cost center,
 * department, billing account), and the same days per account alone ({@code usage_account_days}) for the dashboard.
 */
public final class Rollups {
    /**
     * The dimensions of a record's totals: {@code destinationCountry} the country a call is priced by or a message
     * goes to or comes from ("" unknown); {@code direction} inbound or outbound; {@code messageType} SMS or MMS ("" for
     * calls). Each table keeps a subset: hourly (reports) kind, call type, billing account, currency, charged;
     * monthly (reporting by cost center) those plus cost center and department; lines (invoices, Talkdesk usage) kind,
     * call type, country, direction, message type, currency, charged and {@code result}, a call's result (answered,
     * missed, voicemail, abandoned; "" for messages); the summary's days (the account's) kind, call type, country and
     * currency, and kind, {@code userId} (the directory user the record was attributed to, "" none), cost center,
     * department, billing account and currency. Kept apart because the product of them all was measured
     * 10 points of the ingest ratio dearer (docs/BENCHMARKS.md).
     */
    public record Key(String kind, String callType, String destinationCountry, String direction, String messageType,
                      String billingAccountId, String costCenter, String department, String currency, boolean charged,
                      String result, String userId) {
    }

    /** A monthly total's key: the first day of the account's month and the dimensions usage is reported by. */
    private record MonthKey(LocalDate month, String kind, String callType, String billingAccountId, String costCenter,
                            String department, String currency, boolean charged) {
    }

    private static final Comparator<MonthKey> ORDER = Comparator.comparing(MonthKey::month)
            .thenComparing(MonthKey::kind).thenComparing(MonthKey::callType).thenComparing(MonthKey::billingAccountId)
            .thenComparing(MonthKey::costCenter).thenComparing(MonthKey::department).thenComparing(MonthKey::currency)
            .thenComparing(MonthKey::charged);

    /** An invoice-line total's key: the account's month and what an invoice usage line is made of. */
    private record LineKey(LocalDate month, String kind, String callType, String destinationCountry, String direction,
                           String messageType, String currency, boolean charged, String result) {
    }

    private static final Comparator<LineKey> LINE_ORDER = Comparator.comparing(LineKey::month)
            .thenComparing(LineKey::kind).thenComparing(LineKey::callType).thenComparing(LineKey::destinationCountry)
            .thenComparing(LineKey::direction).thenComparing(LineKey::messageType).thenComparing(LineKey::currency)
            .thenComparing(LineKey::charged).thenComparing(LineKey::result);

    /** An hourly total's key: the UTC hour (epoch hours) and the dimensions the reports filter by. */
    private record HourKey(long hour, String kind, String callType, String billingAccountId, String currency,
                           boolean charged) {
    }

    private static final Comparator<HourKey> HOUR_ORDER = Comparator.comparingLong(HourKey::hour)
            .thenComparing(HourKey::kind).thenComparing(HourKey::callType).thenComparing(HourKey::billingAccountId)
            .thenComparing(HourKey::currency).thenComparing(HourKey::charged);

    /** A summary day's key: the account's day, and what the usage summary groups by besides the people. */
    private record DayKey(LocalDate day, String kind, String usageType, String destinationCountry, String currency) {
    }

    private static final Comparator<DayKey> DAY_ORDER = Comparator.comparing(DayKey::day).thenComparing(DayKey::kind)
            .thenComparing(DayKey::usageType).thenComparing(DayKey::destinationCountry).thenComparing(DayKey::currency);

    /** A summary day's key by the people the usage is attributed to. */
    private record PartyKey(LocalDate day, String kind, String userId, String costCenter, String department,
                            String billingAccountId, String currency) {
    }

    private static final Comparator<PartyKey> PARTY_ORDER = Comparator.comparing(PartyKey::day)
            .thenComparing(PartyKey::kind).thenComparing(PartyKey::userId).thenComparing(PartyKey::costCenter)
            .thenComparing(PartyKey::department).thenComparing(PartyKey::billingAccountId)
            .thenComparing(PartyKey::currency);

    /** Running totals of one key. */
    private static final class Totals {
        long records;
        long billedSeconds;
        long segments;
        BigDecimal charge = BigDecimal.ZERO;
    }

    private final ZoneId accountZone;
    private final Map<HourKey, Totals> hourly = new HashMap<>();
    private final Map<MonthKey, Totals> monthly = new HashMap<>();
    private final Map<LineKey, Totals> lines = new HashMap<>();
    private final Map<DayKey, Totals> days = new HashMap<>();
    private final Map<PartyKey, Totals> parties = new HashMap<>();
    /** The account-zone month of the last record, as [from, until) in epoch seconds: records of a batch mostly share one. */
    private LocalDate lastMonth;
    private long lastMonthFrom;
    private long lastMonthUntil;
    /** The same for the account-zone day of the last record. */
    private LocalDate lastDay;
    private long lastDayFrom;
    private long lastDayUntil;

    public Rollups(ZoneId accountZone) {
        this.accountZone = accountZone;
    }

    /** The account-zone month (its first day) an event belongs to. */
    public static LocalDate month(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().withDayOfMonth(1);
    }

    /**
     * Adds one record (sign +1) or takes one away (sign -1): its billed seconds (calls) or segments (messages) and
     * its charge.
     */
    public void add(Instant at, Key d, long billedSeconds, long segments, BigDecimal charge, int sign) {
        var hour = new HourKey(Math.floorDiv(at.getEpochSecond(), 3_600), d.kind(), d.callType(), d.billingAccountId(),
                d.currency(), d.charged());
        var first = monthOf(at);
        var month = new MonthKey(first, d.kind(), d.callType(), d.billingAccountId(), d.costCenter(), d.department(),
                d.currency(), d.charged());
        var line = new LineKey(first, d.kind(), d.callType(), d.destinationCountry(), d.direction(), d.messageType(),
                d.currency(), d.charged(), d.result());
        accumulate(hourly.computeIfAbsent(hour, k -> new Totals()), billedSeconds, 0, charge, sign);
        accumulate(monthly.computeIfAbsent(month, k -> new Totals()), billedSeconds, 0, charge, sign);
        accumulate(lines.computeIfAbsent(line, k -> new Totals()), billedSeconds, segments, charge, sign);
        var date = dayOf(at);
        var usageType = d.kind().equals("sms") ? d.messageType() : d.callType();
        var day = new DayKey(date, d.kind(), usageType, d.destinationCountry(), d.currency());
        var party = new PartyKey(date, d.kind(), d.userId(), d.costCenter(), d.department(), d.billingAccountId(),
                d.currency());
        accumulate(days.computeIfAbsent(day, k -> new Totals()), billedSeconds, segments, charge, sign);
        accumulate(parties.computeIfAbsent(party, k -> new Totals()), billedSeconds, segments, charge, sign);
    }

    private LocalDate dayOf(Instant at) {
        long s = at.getEpochSecond();
        if (lastDay == null || s < lastDayFrom || s >= lastDayUntil) {
            lastDay = at.atZone(accountZone).toLocalDate();
            lastDayFrom = lastDay.atStartOfDay(accountZone).toEpochSecond();
            lastDayUntil = lastDay.plusDays(1).atStartOfDay(accountZone).toEpochSecond();
        }
        return lastDay;
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

    private static void accumulate(Totals t, long billedSeconds, long segments, BigDecimal charge, int sign) {
        t.records += sign;
        t.billedSeconds += sign * billedSeconds;
        t.segments += sign * segments;
        t.charge = sign > 0 ? t.charge.add(charge) : t.charge.subtract(charge);
    }

    /**
     * Adds the accumulated totals to usage_hourly, usage_monthly, usage_lines_monthly (and its sums by product,
     * usage_products_monthly), usage_days (and its sums, usage_account_days) and usage_party_days
     * ({@link RollupRepository}:
     * one fixed upsert per table), in key order (no deadlocks between batches).
     */
    public void apply(Handle h, UUID accountId) {
        if (hourly.isEmpty() && monthly.isEmpty()) {
            return;
        }
        var repository = h.attach(RollupRepository.class);
        if (!hourly.isEmpty()) {
            addHourly(repository, accountId);
        }
        if (!monthly.isEmpty()) {
            addMonthly(repository, accountId);
        }
        if (!lines.isEmpty()) {
            addLines(repository, accountId);
        }
        if (!days.isEmpty()) {
            addDays(repository, accountId);
        }
        if (!parties.isEmpty()) {
            addParties(repository, accountId);
        }
    }

    private void addDays(RollupRepository repository, UUID accountId) {
        var keys = new TreeMap<DayKey, Totals>(DAY_ORDER);
        keys.putAll(days);
        int n = keys.size();
        var dates = new String[n];
        var kinds = new String[n];
        var usageTypes = new String[n];
        var countries = new String[n];
        var currencies = new String[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : keys.entrySet()) {
            var k = e.getKey();
            dates[i] = k.day().toString();
            kinds[i] = k.kind();
            usageTypes[i] = k.usageType();
            countries[i] = k.destinationCountry();
            currencies[i] = k.currency();
            totals.set(i++, e.getValue());
        }
        repository.addDays(accountId, dates, kinds, usageTypes, countries, currencies, totals.records,
                totals.billedSeconds, totals.segments, totals.charges);
        addAccountDays(repository, accountId, keys);
    }

    /** usage_account_days: the summary days of the batch summed over usage type and country (no work per record). */
    private static void addAccountDays(RollupRepository repository, UUID accountId, Map<DayKey, Totals> days) {
        var sums = new TreeMap<DayKey, Totals>(DAY_ORDER);
        for (var e : days.entrySet()) {
            var k = e.getKey();
            var sum = sums.computeIfAbsent(new DayKey(k.day(), k.kind(), "", "", k.currency()), x -> new Totals());
            var t = e.getValue();
            sum.records += t.records;
            sum.billedSeconds += t.billedSeconds;
            sum.segments += t.segments;
            sum.charge = sum.charge.add(t.charge);
        }
        int n = sums.size();
        var dates = new String[n];
        var kinds = new String[n];
        var currencies = new String[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : sums.entrySet()) {
            dates[i] = e.getKey().day().toString();
            kinds[i] = e.getKey().kind();
            currencies[i] = e.getKey().currency();
            totals.set(i++, e.getValue());
        }
        repository.addAccountDays(accountId, dates, kinds, currencies, totals.records, totals.billedSeconds,
                totals.segments, totals.charges);
    }

    private void addParties(RollupRepository repository, UUID accountId) {
        var keys = new TreeMap<PartyKey, Totals>(PARTY_ORDER);
        keys.putAll(parties);
        int n = keys.size();
        var dates = new String[n];
        var kinds = new String[n];
        var users = new String[n];
        var costCenters = new String[n];
        var departments = new String[n];
        var billingAccounts = new String[n];
        var currencies = new String[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : keys.entrySet()) {
            var k = e.getKey();
            dates[i] = k.day().toString();
            kinds[i] = k.kind();
            users[i] = k.userId();
            costCenters[i] = k.costCenter();
            departments[i] = k.department();
            billingAccounts[i] = k.billingAccountId();
            currencies[i] = k.currency();
            totals.set(i++, e.getValue());
        }
        repository.addPartyDays(accountId, dates, kinds, users, costCenters, departments, billingAccounts, currencies,
                totals.records, totals.billedSeconds, totals.segments, totals.charges);
    }

    private void addHourly(RollupRepository repository, UUID accountId) {
        var keys = new TreeMap<HourKey, Totals>(HOUR_ORDER);
        keys.putAll(hourly);
        int n = keys.size();
        var hours = new long[n];
        var kinds = new String[n];
        var callTypes = new String[n];
        var billingAccounts = new String[n];
        var currencies = new String[n];
        var charged = new boolean[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : keys.entrySet()) {
            var k = e.getKey();
            hours[i] = k.hour() * 3_600;
            kinds[i] = k.kind();
            callTypes[i] = k.callType();
            billingAccounts[i] = k.billingAccountId();
            currencies[i] = k.currency();
            charged[i] = k.charged();
            totals.set(i++, e.getValue());
        }
        repository.addHourly(accountId, hours, kinds, callTypes, billingAccounts, currencies, charged, totals.records,
                totals.billedSeconds, totals.charges);
    }

    private void addMonthly(RollupRepository repository, UUID accountId) {
        var keys = new TreeMap<MonthKey, Totals>(ORDER);
        keys.putAll(monthly);
        int n = keys.size();
        var months = new String[n];
        var kinds = new String[n];
        var callTypes = new String[n];
        var billingAccounts = new String[n];
        var costCenters = new String[n];
        var departments = new String[n];
        var currencies = new String[n];
        var charged = new boolean[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : keys.entrySet()) {
            var k = e.getKey();
            months[i] = k.month().toString();
            kinds[i] = k.kind();
            callTypes[i] = k.callType();
            billingAccounts[i] = k.billingAccountId();
            costCenters[i] = k.costCenter();
            departments[i] = k.department();
            currencies[i] = k.currency();
            charged[i] = k.charged();
            totals.set(i++, e.getValue());
        }
        repository.addMonthly(accountId, months, kinds, callTypes, billingAccounts, costCenters, departments, currencies,
                charged, totals.records, totals.billedSeconds, totals.charges);
    }

    private void addLines(RollupRepository repository, UUID accountId) {
        var keys = new TreeMap<LineKey, Totals>(LINE_ORDER);
        keys.putAll(lines);
        int n = keys.size();
        var months = new String[n];
        var kinds = new String[n];
        var callTypes = new String[n];
        var countries = new String[n];
        var directions = new String[n];
        var messageTypes = new String[n];
        var currencies = new String[n];
        var charged = new boolean[n];
        var results = new String[n];
        var totals = new Columns(n);
        int i = 0;
        for (var e : keys.entrySet()) {
            var k = e.getKey();
            months[i] = k.month().toString();
            kinds[i] = k.kind();
            callTypes[i] = k.callType();
            results[i] = k.result();
            countries[i] = k.destinationCountry();
            directions[i] = k.direction();
            messageTypes[i] = k.messageType();
            currencies[i] = k.currency();
            charged[i] = k.charged();
            totals.set(i++, e.getValue());
        }
        repository.addLines(accountId, months, kinds, callTypes, countries, directions, messageTypes, currencies, charged,
                results, totals.records, totals.billedSeconds, totals.segments, totals.charges);
    }

    /** The totals of the keys as the upserts' arrays (charges as decimal text, which PostgreSQL reads exactly). */
    private static final class Columns {
        final long[] records;
        final long[] billedSeconds;
        final long[] segments;
        final String[] charges;

        Columns(int n) {
            records = new long[n];
            billedSeconds = new long[n];
            segments = new long[n];
            charges = new String[n];
        }

        void set(int i, Totals t) {
            records[i] = t.records;
            billedSeconds[i] = t.billedSeconds;
            segments[i] = t.segments;
            charges[i] = t.charge.toPlainString();
        }
    }
}
