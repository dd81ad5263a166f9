package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating calling plans: every refusal is a 400 naming the field, including the ones the database would make. */
class CallingPlanEndpointsTest {
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Calling Plans Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path() {
        return "/api/v1/accounts/" + master.id() + "/calling_plans";
    }

    private static String plan(String name, String minutes) {
        return "{\"name\":\"" + name + "\",\"scope\":\"pooled\",\"included_minutes\":" + minutes
                + ",\"call_types\":[\"local\"]}";
    }

    @Test
    void refuses_more_included_minutes_than_it_stores_instead_of_wrapping_them() {
        var response = server.api.post(path(), master.token(), plan("Huge", "4294967296"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("included_minutes");
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo("At most 2147483647; omit it for unlimited.");
        assertThat(server.api.post(path(), master.token(), plan("Largest", "2147483647")).status()).isEqualTo(201);
    }

    @Test
    void two_creations_of_one_name_at_once_give_one_plan_and_one_named_refusal() throws Exception {
        var statuses = new ArrayList<CompletableFuture<Integer>>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                statuses.add(CompletableFuture.supplyAsync(() ->
                        server.api.post(path(), master.token(), plan("Same Name", "60")).status(), pool));
            }
        }
        assertThat(statuses.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(201, 400, 400, 400);
        var again = server.api.post(path(), master.token(), plan("Same Name", "60"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("message").asText())
                .isEqualTo("A calling plan named Same Name already exists.");
    }
}
