package com.chargeline.api.talkdesk;

import com.chargeline.common.id.AccountId;
import com.chargeline.usage.reports.MonthlyUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code _embedded.usage[]} row of Talkdesk's monthly usage, from a {@link MonthlyUsage.Row}.
 *
 * <p>Product ids (stable across releases): calls {@code CL-USG-CALL-<CALL TYPE>-<DIRECTION>-<RESULT>} with the
 * aggregate product {@code CL-USG-CALL-<CALL TYPE>-<DIRECTION>} (e.g. {@code CL-USG-CALL-LOCAL-OUTBOUND-ANSWERED},
 * {@code CL-USG-CALL-LOCAL-OUTBOUND}); messages {@code CL-USG-MSG-<SMS|MMS>-<DIRECTION>} with the aggregate
 * {@code CL-USG-MSG-<SMS|MMS>}. {@code id} is the account's 32 hex digits, the month, the product and the currency
 * ({@code 0f8e…-2026-11-CL-USG-CALL-LOCAL-OUTBOUND-ANSWERED-USD}): the same for the same account, month and product,
 * and in the order {@code order_by=id} sorts.
 *
 * <p>Calls are {@code CALL}, {@code MINUTES} (billed minutes: the billed seconds / 60, half-up to 4 decimals) with
 * the call's resolution; messages {@code MESSAGE}, {@code SEGMENTS}, no resolution. {@code total_amount} is the exact
 * sum of the records' charges (each rounded to its deck's precision): the invoice's usage lines of the account and
 * month before their per-line rounding. {@code price} is the average, {@code total_amount / number_of_units}
 * half-up to 6 decimals (0 without units), since one product's records may have been priced at several rates.
 */
final class TalkdeskUsageRows {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private TalkdeskUsageRows() {
    }

    static Map<String, Object> row(MonthlyUsage.Row r) {
        if (r.kind().equals("plan")) {
            return licence(r);
        }
        var account = new AccountId(r.accountId());
        var product = r.productId();
        var type = r.usageType().toUpperCase(Locale.ROOT);
        var direction = r.direction().toUpperCase(Locale.ROOT);
        var units = r.call() ? plain(BigDecimal.valueOf(r.billedSeconds()).divide(SIXTY, 4, RoundingMode.HALF_UP))
                : BigDecimal.valueOf(r.segments());
        var total = plain(r.totalCharge());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", r.accountId().toString().replace("-", "") + "-" + r.month() + "-" + product + "-" + r.currency());
        out.put("account_id", account.wire());
        out.put("product_id", product);
        out.put("aggr_product_id", r.call() ? "CL-USG-CALL-" + type + "-" + direction : "CL-USG-MSG-" + type);
        out.put("month", r.month().toString());
        out.put("type", r.call() ? "CALL" : "MESSAGE");
        out.put("description", description(r));
        out.put("currency", r.currency());
        out.put("direction", direction.equals("INBOUND") || direction.equals("OUTBOUND") ? direction : "OTHER");
        out.put("resolution", r.call() ? resolution(r.result()) : null);
        out.put("unit", r.call() ? "MINUTES" : "SEGMENTS");
        out.put("price", units.signum() == 0 ? BigDecimal.ZERO : plain(total.divide(units, 6, RoundingMode.HALF_UP)));
        out.put("wallet_name", "Usage");
        out.put("number_of_units", units);
        out.put("total_amount", total);
        return out;
    }

    /**
     * Plan licences ({@code PRODUCT_SERVICE}, product {@code CL-LIC-<PLAN TYPE>}): what the invoices charged for the
     * month's days of one plan type (credits included), the hosts of its largest plan line as the units ({@code OTHER}:
     * Talkdesk's units have no seat), the price their quotient.
     */
    private static Map<String, Object> licence(MonthlyUsage.Row r) {
        var units = BigDecimal.valueOf(r.records());
        var total = plain(r.totalCharge());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", r.accountId().toString().replace("-", "") + "-" + r.month() + "-" + r.productId() + "-" + r.currency());
        out.put("account_id", new AccountId(r.accountId()).wire());
        out.put("product_id", r.productId());
        out.put("aggr_product_id", "CL-LIC");
        out.put("month", r.month().toString());
        out.put("type", "PRODUCT_SERVICE");
        out.put("description", "Plan licences: " + r.usageType());
        out.put("currency", r.currency());
        out.put("direction", null);
        out.put("resolution", null);
        out.put("unit", "OTHER");
        out.put("price", units.signum() == 0 ? BigDecimal.ZERO : plain(total.divide(units, 6, RoundingMode.HALF_UP)));
        out.put("wallet_name", "Subscription");
        out.put("number_of_units", units);
        out.put("total_amount", total);
        return out;
    }

    private static String resolution(String result) {
        return switch (result) {
            case "answered" -> "ANSWERED";
            case "missed" -> "MISSED";
            case "voicemail" -> "VOICEMAIL";
            case "abandoned" -> "ABANDONED";
            default -> "OTHER";
        };
    }

    /** "Local calls, outbound, answered"; "SMS, inbound". */
    private static String description(MonthlyUsage.Row r) {
        if (!r.call()) {
            return r.usageType().toUpperCase(Locale.ROOT) + ", " + r.direction();
        }
        var type = switch (r.usageType()) {
            case "local" -> "Local calls";
            case "international" -> "International calls";
            case "tollfree" -> "Toll-free calls";
            case "voip" -> "On-net calls";
            case "callCenter" -> "Contact center calls";
            default -> r.usageType() + " calls";
        };
        return type + ", " + r.direction() + ", " + r.result();
    }

    /** Without trailing zeros and never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
