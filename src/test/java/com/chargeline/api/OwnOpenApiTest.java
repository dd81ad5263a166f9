package com.chargeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.chargeline.accounts.PayMode;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live responses match the OpenAPI file Chargeline serves at /api/v1/openapi.json (needs no ../shared). */
class OwnOpenApiTest {
    static TestServer server;
    static TestServer.Tenant master;
    static OpenApiInteractionValidator validator;
    /** One per server: its users' phone numbers can belong to one account only. */
    static UsageFixture usage;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Own Spec Master");
        validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(server.api.get("/api/v1/openapi.json", null).body())
                .withResolveCombinators(true)
                .build();
    }

    static synchronized UsageFixture usage() {
        if (usage == null) {
            usage = new UsageFixture(server, "Own Spec Usage");
        }
        return usage;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertMatches(Method method, String path, Api.Response response) {
        var builder = SimpleResponse.Builder.status(response.status());
        if (!response.body().isEmpty()) {
            builder.withContentType(response.header("Content-Type")).withBody(response.body());
        }
        var report = validator.validateResponse(path, method, builder.build());
        assertThat(report.getMessages()).as("%s %s -> %s %s", method, path, response.status(), response.body()).isEmpty();
    }

    @Test
    void a_rate_limited_request_answers_429_with_the_headers_our_file_declares() {
        var rules = com.chargeline.api.limits.RateRules.fromFile(java.nio.file.Path.of(
                "src/test/resources/ratelimits/small-rules.json"));
        try (var limited = TestServer.withRateLimits(rules)) {
            var owner = limited.master("Spec Limits");
            var decks = "/api/v1/accounts/" + owner.id() + "/rate_decks";
            var body = "{\"name\":\"A\",\"currency\":\"USD\",\"precision\":4}";
            assertMatchesWithHeaders(Method.POST, decks,
                    limited.api.post(decks, owner.token(), body), 201);
            assertMatchesWithHeaders(Method.POST, decks,
                    limited.api.post(decks, owner.token(), body), 429);
            var token = limited.tokenWithScopes(owner.account(),
                    List.of(com.chargeline.accounts.ApiScopes.TALKDESK_USAGE_READ));
            Api.Response last = null;
            for (int i = 0; i < 3; i++) {
                last = limited.api.get("/express/usage/month", token);
                assertMatchesWithHeaders(Method.GET, "/express/usage/month", last, i < 2 ? 200 : 429);
            }
        }
    }

    /** {@link #assertMatches} with the rate-limit headers, which must be there, checked against their declared types. */
    private static void assertMatchesWithHeaders(Method method, String path, Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        var builder = SimpleResponse.Builder.status(response.status())
                .withContentType(response.header("Content-Type")).withBody(response.body());
        var names = status == 429 ? List.of("X-RateLimit-Category", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Type", "Retry-After") : List.of("X-RateLimit-Category", "X-RateLimit-Limit",
                "X-RateLimit-Remaining");
        for (var name : names) {
            assertThat(response.header(name)).as(name).isNotNull();
            builder.withHeader(name, response.header(name));
        }
        var report = validator.validateResponse(path, method, builder.build());
        assertThat(report.getMessages()).as("%s %s -> %s %s", method, path, response.status(), response.body()).isEmpty();
    }

    @Test
    void every_served_operation_answers_as_our_file_says() {
        var sub = server.sub(master, "Spec Sub", PayMode.MASTER);
        var selfPay = server.sub(master, "Spec Self", PayMode.SUB);
        var t = master.token();
        assertMatches(Method.POST, "/oauth/token", server.api.token(master.id(), master.clientId(), master.secret()));
        assertMatches(Method.POST, "/oauth/token", server.api.token(master.id(), master.clientId(), "bad"));
        for (var form : java.util.List.of("grant_type=client_credentials", "grant_type=client_credentials&scope=billing%3Amaster",
                "grant_type=client_credentials&scope=express-accounts-usage%3Aread")) {
            for (var secret : java.util.List.of(master.secret(), "bad")) {
                assertMatches(Method.POST, "/oauth/token", server.api.raw(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(server.api.url("/oauth/token")))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (master.clientId() + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))));
            }
        }
        assertMatches(Method.GET, "/v2/accounts", server.api.get("/v2/accounts?page_size=1", t));
        assertMatches(Method.GET, "/v2/accounts", server.api.get("/v2/accounts?page_size=0", t));
        assertMatches(Method.POST, "/v2/accounts", server.api.post("/v2/accounts", t,
                "{\"email\":\"spec@own.example\",\"first_name\":\"S\",\"last_name\":\"P\",\"password\":\"Own-Spec-2026\"}"));
        assertMatches(Method.POST, "/v2/accounts", server.api.post("/v2/accounts", t,
                "{\"email\":\"spec@own.example\",\"first_name\":\"S\",\"last_name\":\"P\",\"password\":\"Own-Spec-2026\"}"));
        assertMatches(Method.GET, "/v2/accounts/me", server.api.get("/v2/accounts/me", t));
        assertMatches(Method.GET, "/v2/accounts/" + sub.id(), server.api.get("/v2/accounts/" + sub.id(), t));
        assertMatches(Method.GET, "/v2/accounts/x", server.api.get("/v2/accounts/x", t));
        assertMatches(Method.GET, "/v2/accounts/x", server.api.get("/v2/accounts/x", null));
        assertMatches(Method.PATCH, "/v2/accounts/" + sub.id() + "/options",
                server.api.patch("/v2/accounts/" + sub.id() + "/options", t, "{\"billing_auto_renew\":true}"));
        assertMatches(Method.GET, "/v2/accounts/" + sub.id() + "/billing", server.api.get("/v2/accounts/" + sub.id() + "/billing", t));
        assertMatches(Method.GET, "/v2/accounts/" + selfPay.id() + "/billing",
                server.api.get("/v2/accounts/" + selfPay.id() + "/billing", t));
        assertMatches(Method.PATCH, "/v2/accounts/" + sub.id() + "/billing",
                server.api.patch("/v2/accounts/" + sub.id() + "/billing", t, "{\"country\":\"XX\"}"));
        assertMatches(Method.PATCH, "/v2/accounts/" + sub.id() + "/billing",
                server.api.patch("/v2/accounts/" + sub.id() + "/billing", t, "{\"city\":\"Reno\"}"));
        assertMatches(Method.DELETE, "/v2/accounts/" + sub.id(), server.api.delete("/v2/accounts/" + sub.id(), t));
        assertMatches(Method.GET, "/healthz", server.api.get("/healthz", null));
    }

    @Test
    void the_phone_charge_reports_answer_as_our_file_says() {
        var fx = usage();
        var t = fx.master.token();
        assertThat(server.api.post(fx.path("/usage/calls"), t, "[" + UsageFixture.call("own-1", "outbound", "+14155550100",
                "+12125550123", "1001", 45, "2026-11-20T09:00:00Z") + "]").status()).isEqualTo(200);
        assertThat(server.api.post(fx.path("/usage/sms"), t, "[{\"message_id\":\"own-m\",\"direction\":\"outbound\","
                + "\"from_number\":\"+14155550100\",\"to_number\":\"+12125550123\",\"sent_time\":\"2026-11-20T08:00:00Z\","
                + "\"segments\":1}]").status()).isEqualTo(200);
        for (var path : new String[] {"/v2/phone/reports/call_charges", "/v2/phone/reports/sms_charges"}) {
            assertMatches(Method.GET, path, server.api.get(path, t));
            assertMatches(Method.GET, path, server.api.get(path + "?page_size=1&show_charges_only=true", t));
            assertMatches(Method.GET, path, server.api.get(path + "?from=2026-11-01", t));
            assertMatches(Method.GET, path, server.api.get(path + "?from=2024-01-01&to=2024-01-31", t));
            assertMatches(Method.GET, path, server.api.get(path + "?next_page_token=nope", t));
            assertMatches(Method.GET, path, server.api.get(path, null));
        }
        assertMatches(Method.GET, "/v2/phone/reports/call_charges",
                server.api.get("/v2/phone/reports/call_charges?billing_account_id=NOPE", t));
    }

    @Test
    void the_talkdesk_monthly_usage_answers_as_our_file_says() {
        var fx = usage();
        assertThat(server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + UsageFixture.call("own-td", "outbound",
                "+14155550100", "+12125550123", "1001", 75, "2026-10-20T09:00:00Z") + "]").status()).isEqualTo(200);
        var token = server.tokenWithScopes(fx.master.account(),
                java.util.List.of(com.chargeline.accounts.ApiScopes.TALKDESK_USAGE_READ));
        var path = "/express/usage/month";
        for (var query : new String[] {"", "?per_page=1", "?per_page=1&page=2&order_by=month:asc", "?page=50",
            "?filter=month%20eq%20%272026-10%27", "?filter=month%20like%20x", "?per_page=0", "?order_by=size"}) {
            assertMatches(Method.GET, path, server.api.get(path + query, token));
        }
        assertMatches(Method.GET, path, server.api.get(path, null));
        assertMatches(Method.GET, path, server.api.get(path, fx.master.token()));
        assertMatches(Method.GET, path, server.api.get(path + "?filter=account_id%20eq%20%27" + master.id() + "%27", token));
    }

    @Test
    void the_plan_operations_answer_as_our_file_says() {
        var sub = server.sub(master, "Own Spec Plans", PayMode.MASTER);
        var path = "/v2/accounts/" + sub.id() + "/plans";
        var t = master.token();
        assertMatches(Method.GET, path, server.api.get(path, t));
        assertMatches(Method.POST, path, server.api.post(path, t, "{\"contact\":{\"first_name\":\"A\",\"last_name\":\"B\","
                + "\"email\":\"a@b.example\",\"phone_number\":\"+1 202 555 0100\",\"address\":\"1 Main\",\"city\":\"X\","
                + "\"state\":\"VA\",\"zip\":\"22202\",\"country\":\"US\"},\"plan_base\":{\"type\":\"monthly\",\"hosts\":2}}"));
        assertMatches(Method.GET, path, server.api.get(path, t));
        assertMatches(Method.POST, path, server.api.post(path, t, "{}"));
        assertMatches(Method.GET, "/v2/accounts/nope/plans", server.api.get("/v2/accounts/nope/plans", t));
        assertMatches(Method.POST, path + "/addons", server.api.post(path + "/addons", t, "{\"type\":\"webinar500_monthly\",\"hosts\":1}"));
        assertMatches(Method.POST, path + "/addons", server.api.post(path + "/addons", t, "{\"type\":\"webinar500_monthly\",\"hosts\":1}"));
        assertMatches(Method.PUT, path + "/addons", server.api.send("PUT", path + "/addons", t, "application/json",
                "{\"type\":\"webinar500_monthly\",\"hosts\":2}"));
        assertMatches(Method.PUT, path + "/base", server.api.send("PUT", path + "/base", t, "application/json",
                "{\"type\":\"monthly\",\"hosts\":3}"));
        assertMatches(Method.GET, path + "/usage", server.api.get(path + "/usage", t));
        assertMatches(Method.GET, "/v2/accounts/billing/renewals", server.api.get("/v2/accounts/billing/renewals", t));
        assertMatches(Method.GET, "/v2/accounts/billing/renewals", server.api.get("/v2/accounts/billing/renewals?interval=7", t));
        assertMatches(Method.PATCH, path + "/addons/status", server.api.send("PATCH", path + "/addons/status", t,
                "application/json", "{\"action\":\"cancel\",\"type\":\"webinar500_monthly\"}"));
        assertMatches(Method.PATCH, path + "/base/status", server.api.send("PATCH", path + "/base/status", t,
                "application/json", "{\"action\":\"cancel\"}"));
        assertMatches(Method.GET, "/api/v1/accounts/" + sub.id() + "/plan_audit",
                server.api.get("/api/v1/accounts/" + sub.id() + "/plan_audit", t));
        assertMatches(Method.PUT, "/api/v1/accounts/me/plan_discount", server.api.send("PUT",
                "/api/v1/accounts/me/plan_discount", t, "application/json", "{\"percent\":5}"));
        assertMatches(Method.GET, "/api/v1/accounts/me/plan_discount", server.api.get("/api/v1/accounts/me/plan_discount", t));
    }

    /**
     * Sends a request, checks the answer against our file and, when the server accepted it (2xx), the request
     * too: a request the server takes must not break the file's request schemas.
     */
    private static Api.Response exchange(Method method, String path, String token, String contentType, String body) {
        var response = server.api.send(method.name(), path, token, contentType, body);
        assertMatches(method, path.replaceFirst("\\?.*", ""), response);
        if (response.status() / 100 == 2) {
            var request = new SimpleRequest.Builder(method, path.replaceFirst("\\?.*", ""));
            if (path.contains("?")) {
                for (var pair : path.substring(path.indexOf('?') + 1).split("&")) {
                    var kv = pair.split("=", 2);
                    request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            if (token != null) {
                request.withAuthorization("Bearer " + token);
            }
            if (body != null) {
                request.withContentType(contentType).withBody(body);
            }
            var report = validator.validateRequest(request.build());
            assertThat(report.hasErrors()).as("request %s %s %s: %s", method, path, body, report.getMessages()).isFalse();
        }
        return response;
    }

    @Test
    void the_invoice_operations_answer_as_our_file_says_and_take_what_it_describes() {
        var owner = server.master("Own Spec Invoices");
        var sub = server.sub(owner, "Own Spec Invoice Sub", PayMode.MASTER);
        var t = owner.token();
        var first = TestInvoices.draft(server, sub, owner.account().id(), java.time.YearMonth.of(2026, 9));
        var second = TestInvoices.draft(server, owner, owner.account().id(), java.time.YearMonth.of(2026, 10));
        var list = "/api/v1/accounts/" + sub.id() + "/invoices";
        var one = list + "/" + first.invoiceId();
        var json = "application/json";
        exchange(Method.GET, list, t, null, null);
        exchange(Method.GET, list + "?status=Draft", t, null, null);
        exchange(Method.GET, list + "?status=draft", t, null, null);
        exchange(Method.GET, "/api/v1/accounts/nope/invoices", t, null, null);
        exchange(Method.GET, list, null, null, null);
        exchange(Method.GET, one, t, null, null);
        exchange(Method.GET, list + "/nope", t, null, null);
        exchange(Method.POST, one + "/payments", t, json, "{\"amount\":\"1.00\",\"paid_on\":\"2026-11-24\"}");
        exchange(Method.POST, one + "/post", t, null, null);
        exchange(Method.POST, one + "/post", t, null, null);
        exchange(Method.POST, one + "/payments", t, json, "{\"amount\":\"10.00\",\"paid_on\":\"2026-11-24\",\"reference\":\"r\"}");
        exchange(Method.POST, one + "/payments", t, json, "{\"amount\":12.5,\"paid_on\":\"2026-11-24\"}");
        exchange(Method.POST, one + "/payments", t, json, "{\"amount\":\"999.00\",\"paid_on\":\"2026-11-24\"}");
        exchange(Method.POST, one + "/payments", t, json, "{\"amount\":\"100.17\",\"paid_on\":\"2026-11-24\"}");
        exchange(Method.GET, one, t, null, null);
        exchange(Method.POST, one + "/void", t, json, "{\"reason\":\"paid\"}");
        var other = "/api/v1/accounts/me/invoices/" + second.invoiceId();
        exchange(Method.POST, other + "/void", t, json, "{}");
        exchange(Method.POST, other + "/void", t, json, "{\"reason\":\"Wrong period\"}");
        exchange(Method.POST, list + "/nope/void", t, json, "{\"reason\":\"x\"}");
        exchange(Method.POST, list + "/nope/post", t, null, null);
        exchange(Method.POST, one + "/post", sub.token(), null, null);
        for (var download : List.of("/api/download/billing/invoices/%s", "/v2/api/download/billing/invoices/%s",
                "/v2/billing/invoices/%s/download")) {
            exchange(Method.GET, download.formatted(first.invoiceId()), t, null, null);
            exchange(Method.GET, download.formatted(second.invoiceId()), t, null, null);
            exchange(Method.GET, download.formatted("nope"), t, null, null);
            exchange(Method.GET, download.formatted(first.invoiceId()), null, null, null);
            exchange(Method.GET, download.formatted(first.invoiceId()), sub.token(), null, null);
        }
    }

    @Test
    void the_invoice_report_operations_answer_as_our_file_says_and_take_what_it_describes() {
        var owner = server.master("Own Spec Reports");
        var sub = server.sub(owner, "Own Spec Report Sub", PayMode.MASTER);
        var invoice = TestInvoices.draft(server, sub, owner.account().id(), java.time.YearMonth.of(2026, 10));
        server.app.wiring().postInvoice.post(sub.account().id(), invoice.invoiceId(), "test");
        var t = owner.token();
        var json = "application/json";
        var path = "/v2/accounts/billing/invoice_reports";
        var body = "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\",\"account_ids\":[\"" + sub.id() + "\"]}";
        var id = exchange(Method.POST, path, t, json, body).json().get("id").asText();
        exchange(Method.POST, path, t, json, "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-12-01\",\"account_ids\":[]}");
        exchange(Method.POST, path, t, json, "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\",\"account_ids\":[]}");
        exchange(Method.POST, path, t, json, "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\",\"account_ids\":[\"x\"]}");
        exchange(Method.POST, path, t, json, "{\"start_date\":\"10/01/2026\"}");
        exchange(Method.POST, path, sub.token(), json, body);
        var one = path + "/" + id;
        exchange(Method.GET, one + "?download=false", t, null, null);
        exchange(Method.GET, one + "?download=true", t, null, null);
        exchange(Method.GET, path, t, null, null);
        server.app.wiring().invoiceReportWorker.runPending();
        exchange(Method.GET, path, t, null, null);
        exchange(Method.GET, path + "?next_page_token=nope", t, null, null);
        exchange(Method.GET, one + "?download=false", t, null, null);
        exchange(Method.GET, one + "?download=true", t, null, null);
        exchange(Method.GET, one + "?download=maybe", t, null, null);
        exchange(Method.GET, one, t, null, null);
        exchange(Method.GET, path + "/1?download=false", t, null, null);
        exchange(Method.GET, one + "?download=false", null, null, null);
        exchange(Method.DELETE, one, t, null, null);
        exchange(Method.DELETE, one, t, null, null);
    }

    @Test
    void the_native_operations_answer_as_our_file_says_and_take_what_it_describes() {
        var fx = usage();
        var t = fx.master.token();
        var sub = server.sub(fx.master, "Own Spec Native Sub", PayMode.MASTER);
        var base = fx.path("");
        var missing = "/api/v1/accounts/nope";
        for (var list : new String[] {"/users", "/numbers", "/billing_accounts", "/calling_plans", "/rate_decks"}) {
            exchange(Method.GET, base + list, t, null, null);
            exchange(Method.GET, missing + list, t, null, null);
            exchange(Method.GET, base + list, null, null, null);
        }
        exchange(Method.POST, base + "/rate_decks", t, "application/json", "{\"name\":\"Own Spec\",\"currency\":\"EUR\"}");
        exchange(Method.POST, base + "/rate_decks", t, "application/json", "{\"name\":\" \",\"currency\":\"EUR\"}");
        exchange(Method.PUT, base + "/rate_decks/" + fx.deckId + "/rates", t, "text/csv", UsageFixture.DECK);
        exchange(Method.PUT, base + "/rate_decks/" + fx.deckId + "/rates", t, "application/json", "{}");
        exchange(Method.PUT, base + "/rate_decks/" + fx.deckId + "/sms_rates", t, "text/csv", "country\n");
        exchange(Method.GET, base + "/rate_decks/" + fx.deckId + "/rates", t, null, null);
        exchange(Method.GET, base + "/rate_decks/00000000-0000-0000-0000-000000000000/rates", t, null, null);
        exchange(Method.PUT, base + "/rate_deck", t, "application/json", "{\"deck_id\":\"" + fx.deckId + "\"}");
        exchange(Method.PUT, base + "/rate_deck", t, "application/json", "{\"deck_id\":\"00000000-0000-0000-0000-000000000000\"}");
        exchange(Method.PUT, base + "/rate_deck", t, "application/json", "{}");
        exchange(Method.POST, base + "/billing_accounts", t, "application/json", "{\"billing_account_id\":\"BA-WEST\",\"name\":\"West\"}");
        exchange(Method.POST, base + "/billing_accounts", t, "application/json", "{\"billing_account_id\":\"not ok\"}");
        exchange(Method.POST, base + "/calling_plans", t, "application/json",
                "{\"name\":\"Own Pool\",\"scope\":\"pooled\",\"included_minutes\":100,\"call_types\":[\"local\",\"tollfree\"]}");
        exchange(Method.POST, base + "/calling_plans", t, "application/json", "{\"name\":\"Own Bad\",\"scope\":\"x\",\"call_types\":[]}");
        exchange(Method.POST, base + "/users", t, "application/json", """
                {"name":"Cy Single","email":"cy@example.com","extension_number":"1003","phone_numbers":["+14155550102"]}""");
        exchange(Method.POST, base + "/users", t, "application/json", "[{\"name\":\"No Mail\",\"email\":\"nope\"}]");
        exchange(Method.POST, base + "/users", t, "application/json", "[1");
        exchange(Method.POST, base + "/usage/calls", t, "application/json", "[" + UsageFixture.call("own-n1", "outbound",
                "+14155550100", "+12125550123", "1001", 30, "2026-11-20T09:00:00Z") + "]");
        exchange(Method.POST, base + "/usage/calls", t, "application/json", """
                [{"call_log_id":"own-n2","direction":"outbound","caller_number":"+14155550100","callee_number":"+12125550123",
                  "end_time":"2026-11-20T10:00:00Z","start_time":null,"answer_time":null,"extension_number":null,
                  "duration_seconds":null,"result":null,"call_center":null,"cost_center":null}]""");
        exchange(Method.POST, base + "/usage/calls", t, "application/x-ndjson", UsageFixture.call("own-n3", "inbound",
                "+12125550123", "+14155550100", null, 0, "2026-11-20T11:00:00Z") + "\n");
        exchange(Method.POST, base + "/usage/calls", t, "text/plain", "[]");
        exchange(Method.POST, base + "/usage/calls", t, "application/json", "[]");
        exchange(Method.POST, base + "/usage/sms", t, "application/json", """
                [{"message_id":"own-s1","direction":"outbound","from_number":"+14155550100","to_number":"+12125550123",
                  "sent_time":"2026-11-20T08:00:00Z","segments":null,"text_length":12,"encoding":"gsm7","message_type":null}]""");
        exchange(Method.GET, base + "/usage/calls/own-n1", t, null, null);
        exchange(Method.GET, base + "/usage/calls/none", t, null, null);
        exchange(Method.GET, base + "/usage/summary?from=2026-11-01&to=2026-11-30", t, null, null);
        exchange(Method.GET, base + "/usage/summary?from=2026-11-01&to=2026-11-30&group_by=day", t, null, null);
        exchange(Method.GET, base + "/usage/summary?from=2026-11-01&to=2026-11-30&group_by=user", t, null, null);
        exchange(Method.GET, base + "/usage/summary?from=2026-11-01&to=2026-11-30&group_by=call_type&format=csv", t, null,
                null);
        exchange(Method.GET, base + "/usage/summary?from=2026-11-30&to=2026-11-01&group_by=week", t, null, null);
        exchange(Method.GET, missing + "/usage/summary?from=2026-11-01&to=2026-11-30", t, null, null);
        exchange(Method.GET, base + "/plan_audit?limit=0", t, null, null);
        exchange(Method.GET, "/api/v1/accounts/" + sub.id() + "/plan_discount", t, null, null);
        exchange(Method.GET, missing + "/plan_discount", t, null, null);
        exchange(Method.PUT, base + "/plan_discount", t, "application/json", "{\"percent\":100}");
        exchange(Method.GET, "/v2/accounts?page_size=5", t, null, null);
        exchange(Method.GET, "/v2/phone/reports/call_charges?from=2026-11-01&to=2026-11-20", t, null, null);
        exchange(Method.GET, "/v2/phone/reports/call_charges?from=2026-11-01", t, null, null);
        exchange(Method.GET, "/v2/phone/reports/call_charges?page_size=%00", t, null, null);
        exchange(Method.PATCH, "/v2/accounts/" + sub.id() + "/options", t, "application/json",
                "{\"billing_auto_renew\":true,\"ignored_by_zoom\":1}");
        exchange(Method.PATCH, "/v2/accounts/" + sub.id() + "/billing", t, "application/json", "{\"city\":\"Reno\\u0000\"}");
        exchange(Method.PATCH, "/v2/accounts/" + sub.id() + "/options", sub.token(), "application/json", "{}");
        exchange(Method.DELETE, "/v2/accounts/" + sub.id(), sub.token(), null, null);
    }
}
