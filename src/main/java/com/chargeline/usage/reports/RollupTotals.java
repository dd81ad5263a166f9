package com.chargeline.usage.reports;

import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Usage totals for the dashboard, read from the rollup tables only (never a scan of the records): whole months of
 * accounts from the invoice-line totals ({@code usage_lines_monthly}, the accounts' own months), days of the accounts'
 * calendars from the hourly totals ({@code usage_hourly}), and a month split by call type, destination country or
 * message type (invoice-line totals) or by cost center or department (the monthly reporting totals,
 * {@code usage_monthly}). Charges are exact sums; the caller rounds for display.
 */
public final class RollupTotals {
    /** Totals of an account over one period (a month's or a day's first day). */
    public record Period(UUID accountId, LocalDate period, String currency, long calls, long billedSeconds,
                         long messages, long segments, BigDecimal charge) {
    }

    /** Totals of one value of a split: records (calls or messages), billed seconds, segments, charge. */
    public record Share(String label, String currency, long records, long billedSeconds, long segments,
                        BigDecimal charge) {
    }

    /** The ways a month can be split: each a fixed SQL expression over the rollup's columns. */
    public enum Split {
        CALL_TYPE("u.call_type", "call", true),
        DESTINATION("u.destination_country", "call", true),
        MESSAGE_TYPE("u.message_type || ' ' || u.direction", "sms", true),
        COST_CENTER("u.cost_center", "", false),
        DEPARTMENT("u.department", "", false);

        private final String sql;
        private final String kind;
        private final boolean lines;

        Split(String sql, String kind, boolean lines) {
            this.sql = sql;
            this.kind = kind;
            this.lines = lines;
        }
    }

    private final Database db;

    public RollupTotals(Database db) {
        this.db = db;
    }

    /** Totals of whole months ({@code months}: first days) of each of {@code accounts}. */
    public List<Period> months(Collection<UUID> accounts, Collection<LocalDate> months) {
        return db.withRepository(RollupTotalsRepository.class, r -> r.months(accounts.toArray(UUID[]::new),
                months.toArray(LocalDate[]::new))).stream().map(RollupTotals::period).toList();
    }

    /** Totals by day of each account's own calendar, the days {@code from} to {@code to} (both included). */
    public List<Period> days(Collection<UUID> accounts, LocalDate from, LocalDate to) {
        return db.withRepository(RollupTotalsRepository.class, r -> r.days(accounts.toArray(UUID[]::new), from, to))
                .stream().map(RollupTotals::period).toList();
    }

    /** One account's month split by {@code split}, the {@code limit} largest charges first. */
    public List<Share> split(UUID account, LocalDate month, Split split, int limit) {
        return db.withRepository(RollupTotalsRepository.class, r -> (split.lines
                ? r.lines(account, month, split.kind, split.sql, limit)
                : r.reporting(account, month, split.sql, limit))).stream()
                .map(s -> new Share(s.label(), s.currency().strip(), s.records(), s.billedSeconds(), s.segments(),
                        s.charge())).toList();
    }

    private static Period period(RollupTotalsRepository.PeriodRow p) {
        return new Period(p.accountId(), p.period(), p.currency().strip(), p.calls(), p.billedSeconds(), p.messages(),
                p.segments(), p.charge());
    }
}
