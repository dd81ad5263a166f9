package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZoomAccountsEndpointsTest {
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Reseller One");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void creates_a_sub_account_and_answers_201_as_the_spec_says() {
        var response = server.api.post("/v2/accounts", master.token(), """
                {"email":"jane@acme-sub.example","first_name":"Jane","last_name":"Doe","password":"Good-Pass-2026",
                 "account_name":"Acme Sub","options":{"pay_mode":"sub","share_rc":true}}""");

        assertThat(response.status()).isEqualTo(201);
        var body = response.json();
        assertThat(body.get("id").asText()).hasSize(22);
        assertThat(body.get("owner_email").asText()).isEqualTo("jane@acme-sub.example");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-11-24T10:00:00Z");
        ZoomSpecs.assertValid(ZoomSpecs.ACCOUNTS, Method.POST, "/v2/accounts", response);

        var details = server.api.get("/v2/accounts/" + body.get("id").asText(), master.token());
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().get("account_name").asText()).isEqualTo("Acme Sub");
        assertThat(details.json().get("options").get("pay_mode").asText()).isEqualTo("sub");
        assertThat(details.json().get("options").get("share_rc").asBoolean()).isTrue();
        ZoomSpecs.assertValid(ZoomSpecs.ACCOUNTS, Method.GET, "/v2/accounts/" + body.get("id").asText(), details);
    }

    @Test
    void refuses_an_email_already_used_with_409_1005() {
        var body = """
                {"email":"taken@acme.example","first_name":"A","last_name":"B","password":"Good-Pass-2026"}""";
        assertThat(server.api.post("/v2/accounts", master.token(), body).status()).isEqualTo(201);

        var again = server.api.post("/v2/accounts", master.token(), body.replace("taken@", "TAKEN@"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"code\":1005,\"message\":\"Email \\\"TAKEN@acme.example\\\" has already been used.\"}");
    }

    @Test
    void concurrent_creates_with_one_email_make_exactly_one_account() throws Exception {
        var body = "{\"email\":\"race@acme.example\",\"first_name\":\"R\",\"last_name\":\"C\","
                + "\"password\":\"Good-Pass-2026\"}";
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> server.api.post("/v2/accounts", master.token(), body).status()));
            }
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        }
    }

    @Test
    void names_every_missing_or_mistyped_field_with_code_300() {
        var response = server.api.post("/v2/accounts", master.token(), """
                {"email":"x@y.example","first_name":7,"options":{"pay_mode":"company"}}""");

        assertThat(response.status()).isEqualTo(400);
        var body = response.json();
        assertThat(body.get("code").asInt()).isEqualTo(300);
        assertThat(body.get("message").asText()).isEqualTo("Validation Failed.");
        var fields = new ArrayList<String>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("first_name", "last_name", "password", "options.pay_mode");
    }

    @Test
    void refuses_special_characters_and_weak_passwords_with_the_verbatim_messages() {
        var special = server.api.post("/v2/accounts", master.token(), """
                {"email":"s@y.example","first_name":"<script>","last_name":"B","password":"Good-Pass-2026"}""");
        assertThat(special.status()).isEqualTo(400);
        assertThat(special.body()).isEqualTo(
                "{\"code\":300,\"message\":\"Your request was not accepted because \\\"first_name\\\" contains special character(s).\"}");

        var repeated = server.api.post("/v2/accounts", master.token(), """
                {"email":"r@y.example","first_name":"A","last_name":"B","password":"Xaaaaaa1"}""");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.body()).isEqualTo(
                "{\"code\":1111,\"message\":\"Password should not contain repeated characters such as \\\"aaaaaa\\\".\"}");

        var consecutive = server.api.post("/v2/accounts", master.token(), """
                {"email":"c@y.example","first_name":"A","last_name":"B","password":"Q123456z"}""");
        assertThat(consecutive.status()).isEqualTo(400);
        assertThat(consecutive.json().get("code").asInt()).isEqualTo(1111);
        assertThat(consecutive.json().get("message").asText())
                .isEqualTo("Password should not contain consecutive characters such as \"abc\" or \"123\".");

        var transfer = server.api.post("/v2/accounts", master.token(), """
                {"email":"t@y.example","first_name":"A","last_name":"B","password":"Good-Pass-2026","transfer_code":"abc"}""");
        assertThat(transfer.status()).isEqualTo(400);
        assertThat(transfer.json().get("code").asInt()).isEqualTo(11101);
    }

    @Test
    void pages_through_every_sub_account_exactly_once_with_signed_tokens() {
        var own = server.master("Paging Master");
        var created = new HashSet<String>();
        for (int i = 0; i < 7; i++) {
            created.add(server.sub(own, "Sub " + i, PayMode.MASTER).id());
        }
        var seen = new ArrayList<String>();
        String token = "";
        int pages = 0;
        do {
            var response = server.api.get("/v2/accounts?page_size=3&next_page_token=" + token, own.token());
            assertThat(response.status()).isEqualTo(200);
            ZoomSpecs.assertValid(ZoomSpecs.ACCOUNTS, Method.GET, "/v2/accounts", response);
            var body = response.json();
            assertThat(body.get("total_records").asLong()).isEqualTo(7);
            assertThat(body.get("page_count").asInt()).isEqualTo(3);
            assertThat(body.get("page_size").asInt()).isEqualTo(3);
            body.get("accounts").forEach(a -> seen.add(a.get("id").asText()));
            token = body.get("next_page_token").asText();
            pages++;
        } while (!token.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void rejects_page_sizes_outside_1_to_300_and_tampered_tokens() {
        for (var bad : List.of("0", "301", "abc", "-5")) {
            var response = server.api.get("/v2/accounts?page_size=" + bad, master.token());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("code").asInt()).isEqualTo(300);
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("page_size");
        }
        var own = server.master("Token Master");
        for (int i = 0; i < 3; i++) {
            server.sub(own, "T" + i, PayMode.MASTER);
        }
        var token = server.api.get("/v2/accounts?page_size=1", own.token()).json().get("next_page_token").asText();
        var tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        var expected = "{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}";

        assertThat(server.api.get("/v2/accounts?page_size=1&next_page_token=" + tampered, own.token()).body())
                .isEqualTo(expected);
        assertThat(server.api.get("/v2/accounts?page_size=1&email=x%40y.z&next_page_token=" + token, own.token()).body())
                .as("a token only works with the query it came from").isEqualTo(expected);
        assertThat(server.api.get("/v2/accounts?page_size=1&next_page_token=" + token, master.token()).body())
                .as("nor for another master").isEqualTo(expected);
        assertThat(server.api.get("/v2/accounts?page_size=1&next_page_token=" + token, own.token()).status())
                .isEqualTo(200);
    }

    @Test
    void page_tokens_expire_after_15_minutes() {
        var own = server.master("Expiry Master");
        server.sub(own, "E1", PayMode.MASTER);
        server.sub(own, "E2", PayMode.MASTER);
        var token = server.api.get("/v2/accounts?page_size=1", own.token()).json().get("next_page_token").asText();

        server.clock.advance(java.time.Duration.ofMinutes(15));
        var expired = server.api.get("/v2/accounts?page_size=1&next_page_token=" + token, own.token());
        server.clock.advance(java.time.Duration.ofMinutes(-15));

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("message").asText()).isEqualTo("The next page token is invalid or expired.");
    }

    @Test
    void filters_the_list_by_owner_email() {
        var own = server.master("Filter Master");
        var wanted = server.sub(own, "Wanted", PayMode.MASTER);
        server.sub(own, "Other", PayMode.MASTER);

        var response = server.api.get("/v2/accounts?email=" + wanted.account().owner().email().toUpperCase(java.util.Locale.ROOT), own.token());

        assertThat(response.json().get("total_records").asInt()).isEqualTo(1);
        assertThat(response.json().get("accounts").get(0).get("id").asText()).isEqualTo(wanted.id());
    }

    @Test
    void reads_the_master_itself_with_me() {
        var response = server.api.get("/v2/accounts/me", master.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo(master.id());
        ZoomSpecs.assertValid(ZoomSpecs.ACCOUNTS, Method.GET, "/v2/accounts/me", response);
    }

    @Test
    void disassociates_a_sub_account_which_then_no_longer_exists_for_the_master() {
        var sub = server.sub(master, "Leaving", PayMode.MASTER);

        var deleted = server.api.delete("/v2/accounts/" + sub.id(), master.token());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        var again = server.api.delete("/v2/accounts/" + sub.id(), master.token());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + sub.id() + ".\"}");
        assertThat(server.api.get("/v2/accounts/" + sub.id(), master.token()).status()).isEqualTo(404);
        assertThat(server.api.get("/v2/accounts/me", sub.token()).status())
                .as("the sub account itself stays intact").isEqualTo(200);
    }

    @Test
    void keeps_a_paid_sub_account_and_its_pay_mode_once_it_has_a_plan() {
        var sub = server.sub(master, "Paying", PayMode.MASTER);
        server.subscribe(sub, "monthly", 3);

        var deleted = server.api.delete("/v2/accounts/" + sub.id(), master.token());
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.body()).isEqualTo("{\"code\":2000,\"message\":\"You cannot disassociate a paid account.\"}");
        var mode = server.api.patch("/v2/accounts/" + sub.id() + "/options", master.token(), "{\"pay_mode\":\"sub\"}");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.body()).isEqualTo("{\"code\":200,\"message\":\"The pay mode cannot be updated for a sub account "
                + "which already has an existing plan.\"}");
        assertThat(server.api.patch("/v2/accounts/" + sub.id() + "/options", master.token(), "{\"pay_mode\":\"master\"}")
                .status()).as("the same pay mode is no change").isEqualTo(204);
    }

    @Test
    void updates_the_pay_mode_through_options() {
        var sub = server.sub(master, "Switcher", PayMode.MASTER);

        var response = server.api.patch("/v2/accounts/" + sub.id() + "/options", master.token(),
                "{\"pay_mode\":\"sub\",\"billing_auto_renew\":true}");

        assertThat(response.status()).isEqualTo(204);
        var options = server.api.get("/v2/accounts/" + sub.id(), master.token()).json().get("options");
        assertThat(options.get("pay_mode").asText()).isEqualTo("sub");
        assertThat(options.get("billing_auto_renew").asBoolean()).isTrue();
    }

    @Test
    void refuses_unknown_pay_modes_and_connectors_it_does_not_have() {
        var sub = server.sub(master, "Options", PayMode.MASTER);

        var badMode = server.api.patch("/v2/accounts/" + sub.id() + "/options", master.token(), "{\"pay_mode\":\"both\"}");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().get("errors").get(0).get("field").asText()).isEqualTo("pay_mode");

        var connectors = server.api.patch("/v2/accounts/" + sub.id() + "/options", master.token(),
                "{\"share_mc\":true,\"meeting_connector_list\":[\"10.0.0.7\"]}");
        assertThat(connectors.status()).isEqualTo(400);
        assertThat(connectors.body())
                .isEqualTo("{\"code\":2115,\"message\":\"Some meeting connectors you provided cannot be found.\"}");
    }

    @Test
    void answers_a_missing_token_or_scope_with_zoom_codes_124_and_4711() {
        assertThat(server.api.get("/v2/accounts", null).body())
                .isEqualTo("{\"code\":124,\"message\":\"Invalid access token.\"}");
        assertThat(server.api.get("/v2/accounts", "not-a-jwt").status()).isEqualTo(401);

        var billingOnly = server.tokenWithScopes(master.account(), List.of("billing:master"));
        var response = server.api.get("/v2/accounts", billingOnly);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain "
                + "scopes:[account:master, account:write:master, account:read:master, account:read:list_sub_accounts:master].\"}");
        var granular = server.tokenWithScopes(master.account(), List.of("account:read:list_sub_accounts:master"));
        assertThat(server.api.get("/v2/accounts", granular).status()).isEqualTo(200);
    }
}
