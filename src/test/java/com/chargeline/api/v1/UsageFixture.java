package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;

/** A master with a deck, a billing account, a calling plan and two users, set up through the API. */
public final class UsageFixture {
    public static final String DECK = """
            prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to
            1,United States,local,0.05,0,30,6,0,per_min,USD,2020-01-01,
            1,United States toll-free,tollfree,0.02,0,60,60,0,per_min,USD,,
            44,United Kingdom,international,0.02,0,60,60,0,per_min,USD,,
            447,United Kingdom mobile,international,0.15,0.10,60,60,0,per_call_per_min,USD,,
            """;
    public static final String SMS = """
            country,message_type,direction,rate_per_segment,currency
            US,SMS,outbound,0.0075,USD
            *,SMS,outbound,0.05,USD
            *,MMS,outbound,0.02,USD
            """;

    public final TestServer server;
    public final TestServer.Tenant master;
    public final String deckId;

    public UsageFixture(TestServer server, String name) {
        this.server = server;
        this.master = server.master(name);
        var api = server.api;
        var t = master.token();
        var base = "/api/v1/accounts/" + master.id();
        var deck = api.post(base + "/rate_decks", t, "{\"name\":\"Standard\",\"currency\":\"USD\",\"precision\":4}");
        assertThat(deck.status()).as(deck.body()).isEqualTo(201);
        deckId = deck.json().get("deck_id").asText();
        assertThat(api.send("PUT", base + "/rate_decks/" + deckId + "/rates", t, "text/csv", DECK).status()).isEqualTo(200);
        assertThat(api.send("PUT", base + "/rate_decks/" + deckId + "/sms_rates", t, "text/csv", SMS).status()).isEqualTo(200);
        assertThat(api.send("PUT", base + "/rate_deck", t, "application/json", "{\"deck_id\":\"" + deckId + "\"}").status())
                .isEqualTo(204);
        assertThat(api.post(base + "/billing_accounts", t, "{\"billing_account_id\":\"BA-EAST\",\"name\":\"East\"}").status())
                .isEqualTo(201);
        assertThat(api.post(base + "/calling_plans", t, """
                {"name":"US One Minute","scope":"per_user","included_minutes":1,"call_types":["local"],"regions":["US"]}""")
                .status()).isEqualTo(201);
        var users = api.post(base + "/users", t, """
                [{"name":"Ada Agent","email":"ada@example.com","extension_number":"1001","employee_id":"E-1",
                  "department":"Sales","cost_center":"CC-100","billing_account_id":"BA-EAST","phone_numbers":["+14155550100"]},
                 {"name":"Bob Planned","email":"bob@example.com","extension_number":"1002","department":"Support",
                  "cost_center":"CC-200","calling_plan":"US One Minute","phone_numbers":["(415) 555-0101"]}]""");
        assertThat(users.status()).as(users.body()).isEqualTo(200);
    }

    public String path(String rest) {
        return "/api/v1/accounts/" + master.id() + rest;
    }

    public static String call(String id, String direction, String caller, String callee, String ext, int seconds, String end) {
        return "{\"call_log_id\":\"" + id + "\",\"direction\":\"" + direction + "\",\"caller_number\":\"" + caller
                + "\",\"callee_number\":\"" + callee + "\"" + (ext == null ? "" : ",\"extension_number\":\"" + ext + "\"")
                + ",\"duration_seconds\":" + seconds + ",\"result\":\"" + (seconds > 0 ? "answered" : "missed")
                + "\",\"end_time\":\"" + end + "\"}";
    }
}
