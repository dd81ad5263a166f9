package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging a report of tens of thousands of records, with many equal end times, while new records arrive. */
class ZoomReportPagingTest {
    static TestServer server;
    static UsageFixture fx;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Paging Reseller");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code count} calls from {@code first}, ten to each end time (ties broken by id), a minute apart, from 2026-11-02. */
    static void ingest(String prefix, int first, int count, int secondsOffset) {
        var start = Instant.parse("2026-11-02T00:00:00Z");
        var batch = new ArrayList<String>();
        for (int i = first; i < first + count; i++) {
            var end = start.plusSeconds(60L * (i / 10) + secondsOffset);
            batch.add(UsageFixture.call(prefix + i, "outbound", "+14155550100", "+12125550123", "1001", 30 + i % 200,
                    end.toString()));
            if (batch.size() == 2_000) {
                post(batch);
            }
        }
        if (!batch.isEmpty()) {
            post(batch);
        }
    }

    private static void post(List<String> batch) {
        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",", batch) + "]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        batch.clear();
    }

    @Test
    void a_client_paging_to_the_empty_token_gets_every_record_exactly_once_while_records_arrive() {
        ingest("p-", 0, 20_000, 0);
        var path = "/v2/phone/reports/call_charges?from=2026-11-01&to=2026-11-30&page_size=300";
        Map<String, Integer> seen = new HashMap<>();
        String next = "";
        int pages = 0;
        long total = -1;
        do {
            var body = server.api.get(path + (next.isEmpty() ? "" : "&next_page_token=" + next), fx.master.token()).json();
            if (pages == 0) {
                total = body.get("total_records").asLong();
            }
            body.get("call_charges").forEach(c -> seen.merge(c.get("call_log_id").asText(), 1, Integer::sum));
            next = body.get("next_page_token").asText();
            pages++;
            if (pages == 10) {
                // 500 late records, interleaved with the ones already paged past and the ones still ahead
                ingest("late-", 0, 500, 30);
                ingest("late-far-", 19_000, 500, 30);
            }
        } while (!next.isEmpty());

        assertThat(total).isEqualTo(20_000);
        assertThat(seen.values()).as("no record is shown twice").allMatch(n -> n == 1);
        Set<String> originals = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            originals.add("p-" + i);
        }
        assertThat(seen.keySet()).as("every record present at the start is shown").containsAll(originals);
        assertThat(seen.keySet().stream().filter(id -> id.startsWith("late-far-")).count())
                .as("late records ahead of the position are shown").isEqualTo(500);
        assertThat(pages).isGreaterThanOrEqualTo(20_000 / 300);
    }
}
