package com.chargeline.api.talkdesk;

import com.chargeline.common.id.AccountId;
import com.chargeline.invoicing.UsageCharges;
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
 * {@code CL-USG-MSG-<SMS|MMS>}; plan licences {@code CL-LIC-<PLAN TYPE>} (aggregate {@code CL-LIC}); the phone numbers
 * held in the month {@code CL-NUM-PHONE} (aggregate {@code CL-NUM}: {@code NUMBER}, {@code NUMBERS}, numbers held at
 * any time in the month, priced 0 here since the number plans charge them). {@code id} is the account's 32 hex digits, the month, the product and the currency
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
        if (r.kind().equals("number")) {
            return fields(r, "CL-NUM", "NUMBER", "Phone numbers held (charged by the number plans)", null, null,
                    "NUMBERS", "Subscription", BigDecimal.valueOf(r.records()));
        }
        if (r.kind().equals("plan")) {
            return fields(r, "CL-LIC", "PRODUCT_SERVICE", "Plan licences: " + r.usageType(), null, null, "OTHER",
                    "Subscription", BigDecimal.valueOf(r.records()));
        }
        var type = r.usageType().toUpperCase(Locale.ROOT);
        var direction = r.direction().toUpperCase(Locale.ROOT);
        var units = r.call() ? plain(BigDecimal.valueOf(r.billedSeconds()).divide(SIXTY, 4, RoundingMode.HALF_UP))
                : BigDecimal.valueOf(r.segments());
        return fields(r, r.call() ? "CL-USG-CALL-" + type + "-" + direction : "CL-USG-MSG-" + type,
                r.call() ? "CALL" : "MESSAGE", description(r),
                direction.equals("INBOUND") || direction.equals("OUTBOUND") ? direction : "OTHER",
                r.call() ? resolution(r.result()) : null, r.call() ? "MINUTES" : "SEGMENTS", "Usage", units);
    }

    /**
     * A row in Talkdesk's field order. Plan licences ({@code PRODUCT_SERVICE}, product {@code CL-LIC-<PLAN TYPE>}) are
     * what the invoices charged for the month's days of one plan type (credits included), with the hosts of its largest
     * plan line as the units ({@code OTHER}: Talkdesk's units have no seat); for every row the price is the total over
     * the units.
     */
    private static Map<String, Object> fields(MonthlyUsage.Row r, String aggregate, String type, String description,
                                              String direction, String resolution, String unit, String wallet,
                                              BigDecimal units) {
        var total = plain(r.totalCharge());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", r.accountId().toString().replace("-", "") + "-" + r.month() + "-" + r.productId() + "-" + r.currency());
        out.put("account_id", new AccountId(r.accountId()).wire());
        out.put("product_id", r.productId());
        out.put("aggr_product_id", aggregate);
        out.put("month", r.month().toString());
        out.put("type", type);
        out.put("description", description);
        out.put("currency", r.currency());
        out.put("direction", direction);
        out.put("resolution", resolution);
        out.put("unit", unit);
        out.put("price", units.signum() == 0 ? BigDecimal.ZERO : plain(total.divide(units, 6, RoundingMode.HALF_UP)));
        out.put("wallet_name", wallet);
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
        return UsageCharges.callTypeName(r.usageType()) + ", " + r.direction() + ", " + r.result();
    }

    /** Without trailing zeros and never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
