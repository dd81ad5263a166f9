package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoomBillingEndpointsTest {
    static TestServer server;
    static TestServer.Tenant master;
    static TestServer.Tenant sub;
    static TestServer.Tenant selfPay;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Billing Reseller");
        sub = server.sub(master, "Paid By Master", PayMode.MASTER);
        server.subscribe(sub, "monthly", 2);
        selfPay = server.sub(master, "Pays Itself", PayMode.SUB);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path(TestServer.Tenant t) {
        return "/v2/accounts/" + t.id() + "/billing";
    }

    @Test
    void reads_patches_and_reads_back_a_sub_accounts_billing_contact() {
        var before = server.api.get(path(sub), master.token());
        assertThat(before.status()).isEqualTo(200);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, path(sub), before);
        assertThat(before.json().get("first_name").asText()).isEqualTo("Ada");

        var patch = server.api.patch(path(sub), master.token(), """
                {"first_name":"Grace","last_name":"Hopper","email":"ap@navy.example","phone_number":"+1 (202) 555-0175",
                 "address":"1 Navy Pier","apt":"Suite 9","city":"Arlington","state":"va","zip":"22202","country":"us"}""");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.body()).isEmpty();
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.PATCH, path(sub), patch);

        var after = server.api.get(path(sub), master.token());
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, path(sub), after);
        var body = after.json();
        assertThat(body.get("first_name").asText()).isEqualTo("Grace");
        assertThat(body.get("phone_number").asText()).isEqualTo("+1 (202) 555-0175");
        assertThat(body.get("state").asText()).isEqualTo("VA");
        assertThat(body.get("country").asText()).isEqualTo("US");
        assertThat(body.get("apt").asText()).isEqualTo("Suite 9");
    }

    @Test
    void keeps_fields_the_patch_does_not_name() {
        server.api.patch(path(sub), master.token(), "{\"city\":\"Tulsa\",\"state\":\"OK\"}");
        server.api.patch(path(sub), master.token(), "{\"zip\":\"74103\"}");

        var body = server.api.get(path(sub), master.token()).json();
        assertThat(body.get("city").asText()).isEqualTo("Tulsa");
        assertThat(body.get("zip").asText()).isEqualTo("74103");
    }

    @Test
    void accepts_a_state_name_and_a_canadian_province() {
        var other = server.sub(master, "Canada Co", PayMode.MASTER);
        server.subscribe(other, "monthly", 1);
        assertThat(server.api.patch(path(other), master.token(), "{\"country\":\"CA\",\"state\":\"Quebec\"}").status())
                .isEqualTo(200);
        assertThat(server.api.get(path(other), master.token()).json().get("state").asText()).isEqualTo("QC");
    }

    @Test
    void refuses_a_contact_change_for_a_sub_account_without_a_plan_but_not_for_the_master_itself() {
        var free = server.sub(master, "Free Plan Co", PayMode.MASTER);
        var patch = server.api.patch(path(free), master.token(), "{\"city\":\"Reno\"}");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.body()).isEqualTo("{\"code\":200,\"message\":\"Please subscribe a plan for this sub account first.\"}");
        assertThat(server.api.patch("/v2/accounts/me/billing", master.token(), "{\"city\":\"Reno\"}").status()).isEqualTo(200);
    }

    @Test
    void answers_self_pay_sub_accounts_with_2100_and_the_specs_two_spellings() {
        var get = server.api.get(path(selfPay), master.token());
        assertThat(get.status()).isEqualTo(400);
        assertThat(get.body()).isEqualTo("{\"code\":2100,\"message\":\"This subaccount is on self pay mode.\"}");

        var patch = server.api.patch(path(selfPay), master.token(), "{\"city\":\"Reno\"}");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.body()).isEqualTo("{\"code\":2100,\"message\":\"This sub account is on self pay mode.\"}");
    }

    @Test
    void answers_a_missing_account_with_404_2001() {
        var missing = "TQTvjT52Tmi_wrhASNNOEw";
        var get = server.api.get("/v2/accounts/" + missing + "/billing", master.token());
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + missing + ".\"}");

        var patch = server.api.patch("/v2/accounts/nonsense/billing", master.token(), "{}");
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: nonsense.\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"country\":\"XX\"}                      | 2100 | Invalid country parameter: XX.",
        "{\"country\":\"USA\"}                     | 2100 | Invalid country parameter: USA.",
        "{\"country\":\"US\",\"state\":\"ZZ\"}     | 2100 | Invalid state parameter: ZZ.",
        "{\"country\":\"CA\",\"state\":\"TX\"}     | 2100 | Invalid state parameter: TX.",
        "{\"city\":\"Spring<field\"}               | 300  | Your request was not accepted because \"city\" contains special character(s).",
        "{\"first_name\":\"Bob; DROP\"}            | 300  | Your request was not accepted because \"first_name\" contains special character(s).",
        "{\"phone_number\":\"call me\"}            | 300  | Your request was not accepted because \"phone_number\" contains special character(s).",
    })
    void refuses_bad_addresses_with_the_verbatim_messages(String body, int code, String message) {
        var response = server.api.patch(path(sub), master.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asInt()).isEqualTo(code);
        assertThat(response.json().get("message").asText()).isEqualTo(message);
    }

    @Test
    void refuses_a_country_change_that_leaves_a_foreign_state_behind() {
        var other = server.sub(master, "Moving Co", PayMode.MASTER);
        server.subscribe(other, "monthly", 1);
        server.api.patch(path(other), master.token(), "{\"country\":\"US\",\"state\":\"TX\"}");

        var response = server.api.patch(path(other), master.token(), "{\"country\":\"CA\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("Invalid state parameter: TX.");
        assertThat(server.api.get(path(other), master.token()).json().get("country").asText()).isEqualTo("US");
    }

    @Test
    void answers_malformed_or_mistyped_bodies_with_code_300() {
        var malformed = server.api.patch(path(sub), master.token(), "{\"city\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"code\":300,\"message\":\"Request Body should be a valid JSON object.\","
                + "\"errors\":[{\"field\":\"body\",\"message\":\"Request Body is not valid JSON: Unexpected end-of-input "
                + "within/between Object entries (line 1, column 9).\"}]}");

        assertThat(server.api.patch(path(sub), master.token(), "[1,2]").json().get("code").asInt()).isEqualTo(300);
        assertThat(server.api.patch(path(sub), master.token(), "").json().get("code").asInt()).isEqualTo(300);

        var mistyped = server.api.patch(path(sub), master.token(), "{\"zip\":94105,\"city\":[\"x\"]}");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().get("message").asText()).isEqualTo("Validation Failed.");
        assertThat(mistyped.json().get("errors")).hasSize(2);

        var form = server.api.send("PATCH", path(sub), master.token(), "text/plain", "city=x");
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("code").asInt()).isEqualTo(300);
    }

    @Test
    void the_sub_account_reads_its_own_contact_with_me() {
        var response = server.api.get("/v2/accounts/me/billing", sub.token());
        assertThat(response.status()).isEqualTo(200);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/me/billing", response);
        assertThat(server.api.get("/v2/accounts/me/billing", selfPay.token()).status())
                .as("a self-pay account manages its own billing").isEqualTo(200);
    }

    @Test
    void a_sub_account_cannot_read_its_masters_or_siblings_contact() {
        assertThat(server.api.get(path(master), sub.token()).status()).isEqualTo(404);
        assertThat(server.api.get(path(selfPay), sub.token()).status()).isEqualTo(404);
    }
}
