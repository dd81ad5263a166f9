package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.invoicing.UsageCharges;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The usage page's split tables (by call type, top destinations, cost center, department, SMS and MMS) against the
 * usage summary API for the same account and month: each row shown is the API's row of that key, and a table shows
 * the API's rows, up to the page's ten.
 */
final class UsageTablesCheck {
    private static final int SHOWN = 10;
    private final Function<String, List<Map<String, String>>> table;
    private final Function<String, JsonNode> summary;
    private final String account;

    /**
     * {@code table}: a table's rows by CSS selector, each its {@code data-field} cells; {@code summary}: the API's
     * summary of the page's month grouped by the given {@code group_by}.
     */
    UsageTablesCheck(Function<String, List<Map<String, String>>> table, Function<String, JsonNode> summary,
                     String account) {
        this.table = table;
        this.summary = summary;
        this.account = account;
    }

    void check() {
        // calls only: call_type also keys a message's type (its rows have no calls)
        int types = compare("#call-types", "call_type", r -> r.get("calls").asLong() > 0,
                UsageCharges::callTypeName, r -> r.get("calls").asLong(), true);
        assertThat(types).as("%s: call types shown", account).isPositive();
        // a country's row in the API also holds the messages to it: its charges are compared where it has none
        compare("#destinations", "destination_country", r -> r.get("calls").asLong() > 0, UsageTablesCheck::country,
                r -> r.get("calls").asLong(), false);
        compare("#cost-centers", "cost_center", r -> true, UsageTablesCheck::orNone,
                r -> r.get("calls").asLong() + r.get("messages").asLong(), true);
        compare("#departments", "department", r -> true, UsageTablesCheck::orNone,
                r -> r.get("calls").asLong() + r.get("messages").asLong(), true);
        // messages are split by type and direction on the page, the API has no direction: their sums must agree
        var total = summary.apply("none").get("rows");
        long messages = total.isEmpty() ? 0 : total.get(0).get("messages").asLong();
        long segments = total.isEmpty() ? 0 : total.get(0).get("segments").asLong();
        var shown = shown("#messages");
        assertThat(shown.stream().mapToLong(r -> Long.parseLong(r.get("records"))).sum()).as("%s: messages", account)
                .isEqualTo(messages);
        assertThat(shown.stream().mapToLong(r -> Long.parseLong(r.get("segments"))).sum()).as("%s: segments", account)
                .isEqualTo(segments);
    }

    /** Compares one table with the API's rows of one grouping; returns the rows shown. */
    private int compare(String id, String groupBy, Predicate<JsonNode> kept, Function<String, String> label,
                        Function<JsonNode, Long> records, boolean allCharges) {
        var api = new HashMap<String, JsonNode>();
        var column = summary.apply(groupBy).get("rows");
        column.forEach(r -> {
            if (kept.test(r)) {
                var key = r.get(groupBy).asText() + " " + r.get("currency").asText();
                assertThat(api.put(label.apply(r.get(groupBy).asText()) + " " + r.get("currency").asText(), r))
                        .as("%s: %s has one row", account, key).isNull();
            }
        });
        var shown = shown(id);
        assertThat(shown).as("%s %s: as many rows as the API has, up to %d", account, id, SHOWN)
                .hasSize(Math.min(SHOWN, api.size()));
        for (var row : shown) {
            var what = account + " " + id + " " + row.get("label");
            var expected = api.get(row.get("label") + " " + row.get("currency"));
            assertThat(expected).as(what + ": in the API").isNotNull();
            assertThat(row.get("records")).as(what).isEqualTo(Long.toString(records.apply(expected)));
            assertThat(row.get("minutes")).as(what).isEqualTo(BrowserTest.minutes(expected.get("billed_seconds").asLong()));
            if (allCharges || expected.get("messages").asLong() == 0) {
                assertThat(row.get("charges")).as(what).isEqualTo(BrowserTest.money(expected.get("charges")));
            }
        }
        return shown.size();
    }

    private List<Map<String, String>> shown(String id) {
        var rows = new ArrayList<Map<String, String>>();
        table.apply(id + " tbody tr").stream().filter(r -> r.containsKey("label")).forEach(rows::add);
        return rows;
    }

    /** The page's name of a country: its English name and code, "Unknown" for none. */
    private static String country(String code) {
        if (code.isEmpty()) {
            return "Unknown";
        }
        var name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String orNone(String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
