package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever was ingested, sending it again (whole, shuffled, or in part) changes nothing stored. */
class ReingestPropertiesTest {
    static TestServer server;
    static UsageFixture fx;
    static final AtomicInteger BATCH = new AtomicInteger();

    @BeforeContainer
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Reingest Master");
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    private static String state() {
        return server.app.wiring().db.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM rated_call) || '|' || (SELECT coalesce(sum(total_charge), 0) FROM rated_call)
                    || '|' || (SELECT coalesce(sum(records), 0) || '/' || coalesce(sum(total_charge), 0) FROM usage_hourly)
                    || '|' || (SELECT coalesce(sum(records), 0) || '/' || coalesce(sum(total_charge), 0) FROM usage_monthly)
                    || '|' || (SELECT coalesce(sum(used_seconds), 0) FROM allowance_usage)""").mapTo(String.class).one());
    }

    @Property(tries = 12)
    void re_ingesting_changes_nothing(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        var random = new Random(seed);
        int batch = BATCH.incrementAndGet();
        var callees = List.of("+12125550123", "+447911123456", "+442079460958", "+18005550123", "+33142685300", "1002");
        var calls = new ArrayList<String>();
        for (int i = 0; i < size; i++) {
            int seconds = random.nextInt(4) == 0 ? 0 : random.nextInt(3600);
            var ext = random.nextBoolean() ? "1001" : "1002";
            calls.add(UsageFixture.call("r" + batch + "-" + i, random.nextInt(5) == 0 ? "inbound" : "outbound",
                    ext.equals("1001") ? "+14155550100" : "+14155550101", callees.get(random.nextInt(callees.size())), ext,
                    seconds, "2026-11-" + (10 + random.nextInt(10)) + "T1" + random.nextInt(10) + ":00:00Z"));
        }
        var first = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",", calls) + "]");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(size);
        var before = state();

        Collections.shuffle(calls, random);
        var again = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",", calls) + "]");
        var part = server.api.post(fx.path("/usage/calls"), fx.master.token(),
                "[" + String.join(",", calls.subList(0, 1 + random.nextInt(size))) + "]");

        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(size);
        assertThat(part.json().get("accepted").asInt()).isZero();
        assertThat(state()).isEqualTo(before);
    }
}
