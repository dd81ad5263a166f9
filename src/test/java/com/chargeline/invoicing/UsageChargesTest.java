package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invoice period is the account's calendar month, and its usage lines add up to exactly what the Zoom
 * charge reports show for the same instants: in UTC, across a DST change, and in +05:30 and +05:45 zones,
 * with records on both sides of both edges.
 */
class UsageChargesTest {

    @ParameterizedTest(name = "{0} {1}: {2} hours")
    @CsvSource({"UTC, 2026-10, 744", "America/Los_Angeles, 2026-03, 743", "Asia/Kolkata, 2026-10, 744",
        "Asia/Kathmandu, 2026-10, 744"})
    void usage_lines_equal_the_reports_over_the_periods_instants(String zone, String month, long hours) {
        try (var server = new TestServer()) {
            check(server, zone, month, hours);
        }
    }

    private static void check(TestServer server, String zone, String month, long hours) {
        var period = new BillingMonth(YearMonth.parse(month), ZoneId.of(zone));
        assertThat(period.length()).isEqualTo(Duration.ofHours(hours));
        var fx = new UsageFixture(server, "Invoice Period " + zone);
        var db = server.app.wiring().db;
        db.withHandle(h -> h.execute("UPDATE account SET time_zone = ? WHERE account_id = ?", zone,
                fx.master.account().id().value()));
        var start = period.start();
        var end = period.end();
        var edges = List.of(start.minusSeconds(1), start, start.plus(12, ChronoUnit.HOURS), end.minusSeconds(1), end);
        var calls = new ArrayList<String>();
        var messages = new ArrayList<String>();
        for (int i = 0; i < edges.size(); i++) {
            calls.add(UsageFixture.call("c-" + i, "outbound", "+14155550100", "+12125550123", "1001", 45 + i, z(edges.get(i))));
            messages.add("{\"message_id\":\"m-" + i + "\",\"direction\":\"outbound\",\"from_number\":\"+14155550100\","
                    + "\"to_number\":\"+12125550123\",\"sent_time\":\"" + z(edges.get(i)) + "\",\"segments\":" + (i + 1) + "}");
        }
        calls.add(UsageFixture.call("c-uk", "outbound", "+14155550100", "+442071838750", "1001", 61, z(start.plus(1, ChronoUnit.DAYS))));
        // Inbound from abroad: in the reports (no charge), not on the invoice.
        calls.add(UsageFixture.call("c-in", "inbound", "+442071838750", "+14155550100", "1001", 30, z(start.plus(2, ChronoUnit.DAYS))));
        var t = fx.master.token();
        assertThat(server.api.post(fx.path("/usage/calls"), t, "[" + String.join(",", calls) + "]").status()).isEqualTo(200);
        assertThat(server.api.post(fx.path("/usage/sms"), t, "[" + String.join(",", messages) + "]").status()).isEqualTo(200);

        var lines = server.app.wiring().usageCharges.lines(fx.master.account().id(), period);

        // The report takes at most one month from `from`, and a +05:30 October starts on 30 September (UTC): ask
        // for the period in two halves and add them up.
        var mid = start.plus(15, ChronoUnit.DAYS);
        var callTotal = BigDecimal.ZERO;
        var smsTotal = BigDecimal.ZERO;
        int callRecords = 0;
        int smsRecords = 0;
        for (var half : List.of(List.of(start, mid), List.of(mid, end))) {
            var window = "from=" + z(half.get(0)) + "&to=" + z(half.get(1).minusSeconds(1)) + "&page_size=300";
            var callReport = server.api.get("/v2/phone/reports/call_charges?" + window, t);
            var smsReport = server.api.get("/v2/phone/reports/sms_charges?" + window, t);
            assertThat(callReport.status()).as(callReport.body()).isEqualTo(200);
            assertThat(smsReport.status()).as(smsReport.body()).isEqualTo(200);
            callRecords += callReport.json().get("total_records").asInt();
            smsRecords += smsReport.json().get("total_records").asInt();
            callTotal = callTotal.add(sum(callReport.json().get("call_charges")));
            smsTotal = smsTotal.add(sum(smsReport.json().get("sms_charges")));
        }
        assertThat(callRecords).isEqualTo(5);
        assertThat(smsRecords).isEqualTo(3);
        assertThat(sum(lines, UsageLine.Kind.CALLS)).isEqualByComparingTo(callTotal);
        assertThat(sum(lines, UsageLine.Kind.MESSAGES)).isEqualByComparingTo(smsTotal);
        assertThat(lines).extracting(UsageLine::description, UsageLine::count, UsageLine::billedSeconds,
                        UsageLine::segments, l -> l.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("International calls, United Kingdom (GB)", 1L, 120L, 0L, "0.04"),
                        org.assertj.core.groups.Tuple.tuple("Local calls, United States (US)", 3L, 48L + 48L + 48L, 0L, "0.12"),
                        org.assertj.core.groups.Tuple.tuple("Outbound SMS", 3L, 0L, 2L + 3L + 4L, "0.07"));
        assertThat(server.app.wiring().usageCharges.lines(fx.master.account().id(), period))
                .as("reading again gives the same lines").isEqualTo(lines);

        // The invoice run bills exactly these lines: each the exact sum of its records rounded once to the cent, so the
        // invoice's usage differs from the reports' sum by less than half a cent per line; a second run adds nothing.
        var w = server.app.wiring();
        var account = fx.master.account().id();
        var run = w.runInvoices.run(period.month(), account, "test");
        assertThat(run.drafted()).hasSize(1);
        var invoice = w.invoiceQueries.details(account, run.drafted().get(0).invoiceId());
        assertThat(invoice.invoice().period()).isEqualTo(period.period());
        assertThat(invoice.invoice().timeZone()).isEqualTo(ZoneId.of(zone));
        var usage = invoice.items().stream().filter(i -> i.kind() == InvoiceItem.Kind.USAGE).toList();
        assertThat(usage).extracting(InvoiceItem::description, i -> i.amount().toPlainString(), InvoiceItem::usage)
                .containsExactlyElementsOf(lines.stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.description(),
                        l.amount().toPlainString(), l.usage())).toList());
        var billed = usage.stream().map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billed.subtract(callTotal.add(smsTotal)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(usage.size())));
        assertThat(w.runInvoices.run(period.month(), account, "test").drafted()).isEmpty();
        assertThat(w.invoiceQueries.list(account, null)).hasSize(1);
    }

    private static String z(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static BigDecimal sum(List<UsageLine> lines, UsageLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(l -> l.charge().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(com.fasterxml.jackson.databind.JsonNode items) {
        var total = BigDecimal.ZERO;
        for (var item : items) {
            total = total.add(new BigDecimal(item.get("total_charge").asText()));
        }
        return total;
    }
}
