package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web dashboard through the real server on the demo data, over plain HTTP: sign-in and its cookie, sessions
 * stored hashed, CSRF on sign-out, scoping of a sub account's session, revoked clients, idle and absolute expiry,
 * 400s naming the field, and the overview's month to date against the Talkdesk usage API for the same month.
 */
class DashboardTest {
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    @TempDir
    static Path dir;
    static TestServer server;
    static DemoData.Credentials demo;

    @BeforeAll
    static void seed() {
        server = new TestServer();
        demo = new DemoData(server.app.wiring(), 5_000, 1_000).seed(dir.resolve("demo.json"), "http://localhost:1");
    }

    @AfterAll
    static void close() {
        server.close();
    }

    /** A browser-alike: the cookies it was given (path /dashboard), no redirects followed. */
    static final class Browser {
        final Api api;
        final Map<String, String> cookies = new HashMap<>();
        Api.Response last;

        Browser(Api api) {
            this.api = api;
        }

        Api.Response get(String path) {
            return keep(api.raw(request(path).GET()));
        }

        Api.Response post(String path, Map<String, String> form) {
            var body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return keep(api.raw(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
        }

        private HttpRequest.Builder request(String path) {
            var b = HttpRequest.newBuilder(URI.create(api.url(path)));
            if (!cookies.isEmpty()) {
                var header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", header.toString());
            }
            return b;
        }

        private Api.Response keep(Api.Response r) {
            for (var set : r.raw().headers().allValues("Set-Cookie")) {
                var pair = set.split(";", 2)[0];
                var name = pair.substring(0, pair.indexOf('='));
                var value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            last = r;
            return r;
        }

        Api.Response signIn(String clientId, String secret) {
            var form = get("/dashboard/sign-in");
            var m = LOGIN_TOKEN.matcher(form.body());
            assertThat(m.find()).as(form.body()).isTrue();
            return post("/dashboard/sign-in", Map.of("login_token", m.group(1), "client_id", clientId,
                    "client_secret", secret));
        }
    }

    @Test
    void signs_in_with_a_client_and_sets_a_strict_http_only_cookie_whose_id_is_stored_hashed() throws Exception {
        var b = new Browser(server.api);
        assertThat(b.get("/dashboard/overview").status()).isEqualTo(302);
        assertThat(b.last.header("Location")).isEqualTo("/dashboard/sign-in");

        var wrong = b.signIn(demo.clientId(), "not-the-secret");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("The client id or secret is wrong");
        var noToken = new Browser(server.api).post("/dashboard/sign-in", Map.of("client_id", demo.clientId(),
                "client_secret", demo.clientSecret()));
        assertThat(noToken.status()).as("a sign-in without the form's token (login CSRF)").isEqualTo(403);

        var ok = b.signIn(demo.clientId(), demo.clientSecret());
        assertThat(ok.status()).isEqualTo(303);
        var cookie = ok.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("chargeline_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/dashboard").doesNotContain("Secure");
        var id = b.cookies.get("chargeline_session");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
        var hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        var stored = server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM dashboard_session WHERE session_hash = :h").bind("h", hash).mapTo(Long.class).one());
        assertThat(stored).isEqualTo(1);
        var raw = server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM dashboard_session WHERE position(convert_to(:id, 'UTF8') IN session_hash) > 0 "
                        + "OR csrf_token = :id").bind("id", id).mapTo(Long.class).one());
        assertThat(raw).as("the session id itself is stored nowhere").isZero();

        var overview = b.get("/dashboard/overview");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(overview.body()).contains("Northwind Communications", "Harbor Dental Group", "Maple Leaf Clinics");
    }

    @Test
    void overview_month_to_date_per_account_equals_the_talkdesk_usage_of_the_month() {
        var b = new Browser(server.api);
        b.signIn(demo.clientId(), demo.clientSecret());
        var page = b.get("/dashboard/overview").body();
        var token = talkdeskToken();
        var month = "2026-11";
        var expected = new HashMap<String, BigDecimal>();
        int pageNo = 1;
        while (true) {
            var rows = server.api.get("/express/usage/month?per_page=250&page=" + pageNo + "&filter="
                    + URLEncoder.encode("month eq '" + month + "'", StandardCharsets.UTF_8).replace("+", "%20"), token).json();
            rows.get("_embedded").get("usage").forEach(r -> {
                if (r.get("product_id").asText().startsWith("CL-USG-")) {
                    expected.merge(r.get("account_id").asText(), r.get("total_amount").decimalValue(), BigDecimal::add);
                }
            });
            if (pageNo >= rows.get("total_pages").asInt()) {
                break;
            }
            pageNo++;
        }
        assertThat(expected).as("the demo has usage this month").isNotEmpty();
        for (var sub : demo.subAccounts()) {
            var shown = cell(page, sub.accountId(), "month-to-date");
            assertThat(new BigDecimal(shown)).as(sub.accountId())
                    .isEqualByComparingTo(expected.getOrDefault(sub.accountId(), BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void sign_out_needs_the_csrf_token_and_ends_the_session() {
        var b = new Browser(server.api);
        b.signIn(demo.clientId(), demo.clientSecret());
        var page = b.get("/dashboard/overview").body();
        var m = CSRF.matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(b.post("/dashboard/sign-out", Map.of("csrf", "forged")).status()).isEqualTo(403);
        assertThat(b.get("/dashboard/overview").status()).as("still signed in").isEqualTo(200);
        var session = b.cookies.get("chargeline_session");
        assertThat(b.post("/dashboard/sign-out", Map.of("csrf", m.group(1))).status()).isEqualTo(303);
        b.cookies.put("chargeline_session", session);
        assertThat(b.get("/dashboard/overview").status()).as("the old cookie no longer signs in").isEqualTo(302);
    }

    @Test
    void a_sub_accounts_session_sees_only_itself() {
        var harbor = demo.subAccounts().get(0);
        var bluebird = demo.subAccounts().get(1);
        var b = new Browser(server.api);
        assertThat(b.signIn(harbor.clientId(), harbor.clientSecret()).status()).isEqualTo(303);
        var overview = b.get("/dashboard/overview").body();
        assertThat(overview).contains("Harbor Dental Group").doesNotContain("Northwind Communications", "Bluebird");
        assertThat(b.get("/dashboard/usage?account=" + demo.accountId()).status()).isEqualTo(404);
        assertThat(b.get("/dashboard/usage?account=" + bluebird.accountId()).status()).isEqualTo(404);
        assertThat(b.get("/dashboard/calls?account=" + demo.accountId() + "&call_log_id=x").status()).isEqualTo(404);
        assertThat(b.get("/dashboard/sub-accounts").status()).isEqualTo(403);
        assertThat(b.get("/dashboard/usage").status()).isEqualTo(200);
        var masterInvoice = server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT invoice_id FROM invoice WHERE account_id = :a LIMIT 1").bind("a",
                com.chargeline.common.id.AccountId.parse(demo.accountId()).orElseThrow().value()).mapTo(String.class)
                .findOne());
        masterInvoice.ifPresent(id -> assertThat(b.get("/dashboard/invoices/" + id + "/pdf").status()).isEqualTo(404));
    }

    @Test
    void a_revoked_client_and_expired_sessions_are_refused() {
        var created = server.app.wiring().createApiClient.create(
                com.chargeline.common.id.AccountId.parse(demo.accountId()).orElseThrow(),
                com.chargeline.accounts.ApiScopes.MASTER_DEFAULT, "dashboard test");
        var b = new Browser(server.api);
        assertThat(b.signIn(created.client().clientId(), created.clientSecret()).status()).isEqualTo(303);
        assertThat(b.get("/dashboard/overview").status()).isEqualTo(200);
        server.app.wiring().revokeApiClient.revoke(created.client().accountId(), created.client().clientId());
        assertThat(b.get("/dashboard/overview").status()).as("revoked").isEqualTo(302);
        assertThat(new Browser(server.api).signIn(created.client().clientId(), created.clientSecret()).status())
                .isEqualTo(401);

        var start = server.clock.instant();
        try {
            expiry();
        } finally {
            server.clock.advance(Duration.between(server.clock.instant(), start));
        }
    }

    private void expiry() {
        var idle = new Browser(server.api);
        idle.signIn(demo.clientId(), demo.clientSecret());
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(idle.get("/dashboard/overview").status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(idle.get("/dashboard/overview").status()).as("used 29 minutes ago: still live").isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(31));
        assertThat(idle.get("/dashboard/overview").status()).as("idle 31 minutes").isEqualTo(302);

        var busy = new Browser(server.api);
        busy.signIn(demo.clientId(), demo.clientSecret());
        for (int i = 0; i < 35; i++) {
            server.clock.advance(Duration.ofMinutes(20));
            assertThat(busy.get("/dashboard/rates").status()).as("after %d minutes", (i + 1) * 20).isEqualTo(200);
        }
        server.clock.advance(Duration.ofMinutes(21));
        assertThat(busy.get("/dashboard/rates").status()).as("12 hours after sign-in").isEqualTo(302);
    }

    @Test
    void bad_input_is_a_400_naming_the_field_and_the_pages_answer() {
        var b = new Browser(server.api);
        b.signIn(demo.clientId(), demo.clientSecret());
        var month = b.get("/dashboard/usage?month=2026-13");
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.body()).contains("month: must be a month as YYYY-MM.");
        var number = b.get("/dashboard/rates?number=44abc");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body()).contains("number: must be 1 to 15 digits");
        assertThat(b.get("/dashboard/calls?call_log_id=" + "x".repeat(129)).status()).isEqualTo(400);
        assertThat(b.get("/dashboard/calls?call_log_id=no-such-call").status()).isEqualTo(404);
        assertThat(b.get("/dashboard/usage?account=garbage").status()).isEqualTo(404);
        for (var path : new String[] {"/dashboard/usage", "/dashboard/sub-accounts", "/dashboard/invoices",
                "/dashboard/rates?number=44", "/dashboard/calls", "/dashboard/overview.csv", "/dashboard/usage.csv"}) {
            assertThat(b.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(b.get("/dashboard/assets/app.css").status()).isEqualTo(200);
        assertThat(b.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(b.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").status()).isEqualTo(200);
    }

    @Test
    void call_lookup_shows_the_stored_explanation_and_the_invoice_pdf_downloads() {
        var harbor = demo.subAccounts().get(0);
        var harborId = com.chargeline.common.id.AccountId.parse(harbor.accountId()).orElseThrow();
        var callId = server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT call_log_id FROM rated_call WHERE account_id = :a AND current AND total_charge > 0 "
                        + "ORDER BY call_log_id LIMIT 1").bind("a", harborId.value()).mapTo(String.class).one());
        var b = new Browser(server.api);
        b.signIn(demo.clientId(), demo.clientSecret());
        var page = b.get("/dashboard/calls?account=" + harbor.accountId() + "&call_log_id="
                + URLEncoder.encode(callId, StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        var token = server.api.token(demo.accountId(), demo.clientId(), demo.clientSecret()).json().get("access_token")
                .asText();
        var api = server.api.get("/api/v1/accounts/" + harbor.accountId() + "/usage/calls/"
                + URLEncoder.encode(callId, StandardCharsets.UTF_8), token).json();
        var explanation = api.get("explanation");
        assertThat(page.body()).contains("<dt>Billed seconds (after increments)</dt><dd>"
                + explanation.get("billed_seconds").asText() + "</dd>",
                "<dt>Actual seconds</dt><dd>" + explanation.get("actual_seconds").asText() + "</dd>",
                "<dt>Increments (first/next, seconds)</dt><dd>" + explanation.get("increments").asText() + "</dd>",
                "<dt>Rate row prefix</dt><dd>" + explanation.get("rate_prefix").asText() + "</dd>",
                "<dt>Allowance used (seconds)</dt><dd>" + explanation.get("allowance_seconds").asText() + "</dd>",
                api.get("total_charge").asText() + " " + api.get("currency").asText());

        var invoices = b.get("/dashboard/invoices").body();
        var link = Pattern.compile("href=\"(/dashboard/invoices/[^\"]+/pdf)\"").matcher(invoices);
        assertThat(link.find()).as(invoices).isTrue();
        var pdf = b.get(link.group(1));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    private static String talkdeskToken() {
        var basic = Base64.getEncoder().encodeToString((demo.clientId() + ":" + demo.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return server.api.raw(HttpRequest.newBuilder(URI.create(server.api.url("/oauth/token")))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope=express-accounts-usage%3Aread")))
                .json().get("access_token").asText();
    }

    /** The text of an overview cell: the row of {@code account}, the cell {@code field}. */
    static String cell(String page, String account, String field) {
        var row = Pattern.compile("<tr data-account=\"" + Pattern.quote(account) + "\".*?</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("row of " + account).isTrue();
        var cell = Pattern.compile("data-field=\"" + field + "\">([^<]*)<").matcher(row.group());
        assertThat(cell.find()).isTrue();
        return cell.group(1);
    }
}
