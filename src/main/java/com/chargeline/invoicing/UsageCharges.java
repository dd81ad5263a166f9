package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The usage an invoice bills in arrears for one account and period: charged calls by direction, call type and
 * destination country, charged messages by direction and type, read from the invoice-line totals ({@code usage_lines_monthly},
 * kept by the account's month when each record was rated, so the period's edges are exact in any zone). Each line's amount is the exact sum of
 * its records' charges rounded once to the currency's minor unit ({@link Money#roundedToMinorUnit()}); the
 * invoice total will be the sum of its rounded lines. The months are the account's zone at rating time: an
 * account whose zone changes keeps the months its earlier usage was rated in.
 */
public final class UsageCharges {
    private final Database db;

    public UsageCharges(Database db) {
        this.db = db;
    }

    /** The period's usage lines, calls first, each group in a stable order. */
    public List<UsageLine> lines(AccountId account, BillingMonth period) {
        return fromTotals(db.withRepository(InvoiceUsageRepository.class,
                r -> r.monthTotals(account.value(), period.firstDay())));
    }

    /** The usage lines of one account's month totals ({@code monthTotals.sql}), calls first. */
    static List<UsageLine> fromTotals(List<InvoiceUsageRepository.MonthTotal> totals) {
        var lines = new LinkedHashMap<LineKey, Accumulated>();
        for (var t : totals) {
            boolean call = t.kind().equals("call");
            var key = call ? new LineKey(UsageLine.Kind.CALLS, t.direction(), t.callType(), t.destinationCountry(),
                    t.currency()) : new LineKey(UsageLine.Kind.MESSAGES, t.direction(), t.messageType(), "", t.currency());
            lines.computeIfAbsent(key, k -> new Accumulated(k, description(k), Currency.getInstance(t.currency()))).add(t);
        }
        var out = new ArrayList<UsageLine>(lines.size());
        lines.values().forEach(a -> out.add(a.line()));
        return out;
    }

    /** What makes a line: calls by direction, call type and country, messages by direction and type; the currency. */
    private record LineKey(UsageLine.Kind kind, String direction, String type, String country, String currency) {
    }

    /** How an invoice names the usage of one line key (also an adjustment's). */
    static String description(UsageLine.Kind kind, String direction, String type, String country) {
        return kind == UsageLine.Kind.CALLS ? callDescription(direction, type, country) : messageDescription(direction, type);
    }

    private static String description(LineKey k) {
        return description(k.kind(), k.direction(), k.type(), k.country());
    }

    /** How invoices and usage reports name calls of a call type: "Local calls", "Toll-free calls", ... */
    public static String callTypeName(String callType) {
        return switch (callType) {
            case "local" -> "Local calls";
            case "international" -> "International calls";
            case "tollfree" -> "Toll-free calls";
            case "voip" -> "On-net calls";
            case "callCenter" -> "Contact center calls";
            default -> callType + " calls";
        };
    }

    /** "International calls, United Kingdom (GB)"; an inbound line (toll-free, contact center) names the origin. */
    private static String callDescription(String direction, String callType, String country) {
        var type = callTypeName(callType);
        var inbound = direction.equals("inbound");
        var what = inbound ? "Inbound " + type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1) : type;
        return country.isEmpty() ? what : what + (inbound ? ", from " : ", ") + countryName(country);
    }

    private static String messageDescription(String direction, String type) {
        var what = type.isEmpty() ? "messages" : type;
        return direction.isEmpty() ? what : capitalised(direction) + " " + what;
    }

    private static String countryName(String code) {
        var name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The totals of one line as they are summed. */
    private static final class Accumulated {
        final LineKey key;
        final String description;
        final Currency currency;
        long count;
        long billedSeconds;
        long segments;
        BigDecimal charge = BigDecimal.ZERO;

        Accumulated(LineKey key, String description, Currency currency) {
            this.key = key;
            this.description = description;
            this.currency = currency;
        }

        void add(InvoiceUsageRepository.MonthTotal t) {
            count += t.records();
            billedSeconds += t.billedSeconds();
            segments += t.segments();
            charge = charge.add(t.totalCharge());
        }

        UsageLine line() {
            var stripped = charge.stripTrailingZeros();
            var exact = new Money(stripped.scale() < 0 ? stripped.setScale(0) : stripped, currency);
            return new UsageLine(key.kind(), description, key.direction(), key.type(), key.country(), count, billedSeconds,
                    segments, exact, exact.roundedToMinorUnit());
        }
    }
}
