package com.chargeline.cli;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.common.id.AccountId;
import com.chargeline.testing.Chromium;
import com.chargeline.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web dashboard in a real browser (the system's Chromium through Playwright for Java) against the real server
 * on the demo data: sign-in through the form, every page, sign-out; the numbers shown against the native API for the
 * same period; a sub account's session refused the master's and another account's pages; the keyboard; no console
 * error, page error, failed request or failing script/style anywhere; and every page photographed at 1280×800 and
 * at a phone's 390×844 without horizontal overflow (see {@link Chromium} for where screenshots go).
 */
class BrowserTest {
    /** The rows of a table as maps: the row's data-* attributes and its cells' data-field texts. */
    private static final String ROWS = "rows => rows.map(r => Object.assign({}, r.dataset, Object.fromEntries("
            + "[...r.querySelectorAll('[data-field]')].map(c => [c.dataset.field, c.textContent.trim()])),"
            + " {pdf: r.querySelector('a[href$=\"/pdf\"]')?.getAttribute('href') ?? ''}))";
    /** The focused element: its tag, then #id when it has one, else its text. */
    private static final String FOCUSED = "() => { const e = document.activeElement; return e.tagName.toLowerCase()"
            + " + (e.id ? '#' + e.id : ':' + e.textContent.trim()); }";
    @TempDir
    static Path dir;
    static Chromium chromium;
    static TestServer server;
    static DemoData.Credentials demo;
    static String base;
    static String token;
    static String harborCall;
    static String bluebirdCall;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<Chromium.Problems> problems = new ArrayList<>();

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        server = new TestServer();
        demo = new DemoData(server.app.wiring(), 5_000, 1_000).seed(dir.resolve("demo.json"), "http://localhost:1");
        base = "http://127.0.0.1:" + server.app.port();
        token = server.api.token(demo.accountId(), demo.clientId(), demo.clientSecret()).json().get("access_token")
                .asText();
        harborCall = chargedCall(demo.subAccounts().get(0).accountId());
        bluebirdCall = chargedCall(demo.subAccounts().get(1).accountId());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void nothingWentWrongInThePages() {
        var seen = problems.stream().flatMap(p -> p.seen().stream()).toList();
        contexts.forEach(BrowserContext::close);
        assertThat(seen).as("console errors, page errors, failed requests, 4xx/5xx answers").isEmpty();
    }

    @Test
    void signs_in_through_the_form_opens_every_page_from_the_navigation_and_signs_out() {
        var page = signIn(open(false), demo.clientId(), demo.clientSecret());
        assertThat(page.locator("#overview")).containsText("Harbor Dental Group");
        assertThat(page.locator(".who")).hasText("Northwind Communications");
        assertThat(page.locator("canvas.spark:not([data-drawn])")).hasCount(0);
        var nav = page.getByRole(AriaRole.NAVIGATION);
        for (var name : List.of("Usage", "Call lookup", "Sub accounts", "Invoices", "Rate decks", "Overview")) {
            nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
            assertThat(page.locator("h1")).hasText(name);
            assertThat(page).hasTitle(name + " · Chargeline");
            assertThat(nav.locator("a[aria-current=page]")).hasText(name);
            if (name.equals("Sub accounts")) {
                var shown = rows(page, "#sub-accounts tbody tr");
                assertThat(shown).extracting(r -> r.get("account")).containsExactlyInAnyOrderElementsOf(
                        demo.subAccounts().stream().map(DemoData.SubCredentials::accountId).toList());
                var renewals = server.api.get("/v2/accounts/billing/renewals?interval=90&page_size=50", token);
                assertThat(RenewalsCheck.check(shown, renewals.json())).as(renewals.body()).isPositive();
            }
        }
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Usage").setExact(true)).click();
        assertThat(page.locator("canvas[data-chart]")).hasCount(2);
        assertThat(page.locator("canvas[data-chart]:not([data-drawn])")).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(base + "/dashboard/sign-in");
        assertThat(page.getByLabel("Client id")).isVisible();
        var after = page.navigate(base + "/dashboard/usage");
        assertThat(after.url()).isEqualTo(base + "/dashboard/sign-in");
        assertThat(after.request().redirectedFrom().url()).isEqualTo(base + "/dashboard/usage");
        assertThat(after.request().redirectedFrom().response().status()).isEqualTo(302);
        assertThat(page.locator("h1")).hasText("Chargeline dashboard");
    }

    @Test
    void the_overview_shows_each_accounts_month_to_date_as_the_usage_summary_api_sums_it() {
        var page = signIn(open(false), demo.clientId(), demo.clientSecret());
        var rows = rows(page, "#overview tbody tr");
        assertThat(rows).hasSize(1 + demo.subAccounts().size());
        var total = BigDecimal.ZERO;
        for (var row : rows) {
            var account = row.get("account");
            var summary = monthToDate(account, "none").get("rows");
            JsonNode sum = null;
            for (var r : summary) {
                if (r.get("currency").asText().equals(row.get("currency"))) {
                    sum = r;
                }
            }
            assertThat(sum).as("the summary of %s in %s", account, row.get("currency")).isNotNull();
            assertThat(row.get("month-to-date")).as(account).isEqualTo(money(sum.get("charges")));
            assertThat(row.get("calls")).as(account).isEqualTo(sum.get("calls").asText());
            assertThat(row.get("minutes")).as(account).isEqualTo(minutes(sum.get("billed_seconds").asLong()));
            assertThat(row.get("messages")).as(account).isEqualTo(sum.get("messages").asText());
            total = total.add(new BigDecimal(row.get("month-to-date")));
        }
        assertThat(total).as("the demo has charges this month").isPositive();
        assertThat(new BigDecimal(page.locator("[data-field=total-month-to-date]").textContent()))
                .isEqualByComparingTo(total);
    }

    @Test
    void the_usage_page_shows_each_day_and_each_split_as_the_usage_summary_api() {
        var page = signIn(open(false), demo.clientId(), demo.clientSecret());
        page.navigate(base + "/dashboard/usage");
        checkDays(page, demo.accountId());
        new UsageTablesCheck(s -> rows(page, s), g -> summary(demo.accountId(), g, true), demo.accountId()).check();
        var harbor = demo.subAccounts().get(0).accountId();
        page.selectOption("#account", harbor);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("account=" + harbor));
        checkDays(page, harbor);
        new UsageTablesCheck(s -> rows(page, s), g -> summary(harbor, g, true), harbor).check();
    }

    private void checkDays(Page page, String account) {
        var byDay = new HashMap<String, JsonNode>();
        var summary = monthToDate(account, "day");
        summary.get("rows").forEach(r -> byDay.put(r.get("day").asText(), r));
        var today = LocalDate.ofInstant(server.clock.instant(), ZoneId.of(summary.get("time_zone").asText()));
        page.getByText("Days as a table").click();
        var rows = rows(page, "#days tbody tr");
        assertThat(rows).extracting(r -> r.get("day")).as(account).hasSize(today.getDayOfMonth())
                .containsAll(byDay.keySet());
        long calls = 0;
        for (var row : rows) {
            var api = byDay.get(row.get("day"));
            var what = account + " on " + row.get("day");
            assertThat(row.get("calls")).as(what).isEqualTo(api == null ? "0" : api.get("calls").asText());
            assertThat(row.get("minutes")).as(what).isEqualTo(minutes(api == null ? 0 : api.get("billed_seconds").asLong()));
            assertThat(row.get("messages")).as(what).isEqualTo(api == null ? "0" : api.get("messages").asText());
            assertThat(row.get("charges")).as(what).isEqualTo(api == null ? "0.00" : money(api.get("charges")));
            calls += Long.parseLong(row.get("calls"));
        }
        var total = monthToDate(account, "none").get("rows").get(0);
        assertThat(calls).as("%s: the days add up to the month's total", account).isEqualTo(total.get("calls").asLong())
                .isPositive();
    }

    @Test
    void the_invoices_page_shows_what_the_invoices_api_lists_and_its_pdf_links_answer_pdfs() {
        var context = open(false);
        var page = signIn(context, demo.clientId(), demo.clientSecret());
        page.navigate(base + "/dashboard/invoices");
        var api = new HashMap<String, JsonNode>();
        var accounts = new ArrayList<String>();
        accounts.add(demo.accountId());
        demo.subAccounts().forEach(s -> accounts.add(s.accountId()));
        for (var account : accounts) {
            var listed = server.api.get("/api/v1/accounts/" + account + "/invoices", token);
            if (listed.status() == 200) {
                listed.json().get("invoices").forEach(i -> api.put(i.get("invoice_id").asText(), i));
            }
        }
        assertThat(api).as("the demo has invoices").isNotEmpty();
        var rows = rows(page, "#invoices tbody tr");
        var shown = new HashMap<String, Map<String, String>>();
        rows.forEach(r -> shown.put(r.get("pdf").replaceAll("^/dashboard/invoices/|/pdf$", ""), r));
        var managed = new HashMap<String, JsonNode>();
        var selfPay = new HashMap<String, JsonNode>();
        api.forEach((id, i) -> (paysItself(i.get("account_id").asText()) ? selfPay : managed).put(id, i));
        assertThat(shown.keySet()).as("the master's invoices and those of the sub accounts it pays for")
                .containsExactlyInAnyOrderElementsOf(managed.keySet());
        assertThat(selfPay).as("the demo has a self-pay sub account with invoices (its own billing: not shown)")
                .isNotEmpty();
        for (var e : shown.entrySet()) {
            var i = api.get(e.getKey());
            var row = e.getValue();
            assertThat(row.get("number")).as(e.getKey()).isEqualTo(i.has("number") ? i.get("number").asText() : "(draft)");
            assertThat(row.get("status")).as(e.getKey()).isEqualTo(i.get("status").asText());
            assertThat(row.get("total")).as(e.getKey()).isEqualTo(i.get("total").asText());
            assertThat(row.get("paid")).as(e.getKey()).isEqualTo(i.get("paid").asText());
            assertThat(row.get("balance")).as(e.getKey()).isEqualTo(i.get("balance").asText());
            assertThat(row.get("currency")).as(e.getKey()).isEqualTo(i.get("currency").asText());
        }
        var link = page.locator("#invoices a[href$='/pdf']").first();
        var pdf = context.request().get(link.getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var download = page.waitForDownload(link::click);
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).endsWith(".pdf");
    }

    @Test
    void a_call_looked_up_by_keyboard_shows_its_charge_explanation_and_the_rate_deck_its_rate() {
        var harbor = demo.subAccounts().get(0).accountId();
        var api = server.api.get("/api/v1/accounts/" + harbor + "/usage/calls/" + encode(harborCall), token).json();
        var explanation = api.get("explanation");
        var page = signIn(open(false), demo.clientId(), demo.clientSecret());
        page.navigate(base + "/dashboard/calls");
        assertThat(page.locator("#explanation")).hasCount(0);
        page.selectOption("#account", harbor);
        page.locator("#call_log_id").focus();
        page.keyboard().type(harborCall);
        page.keyboard().press("Enter");
        assertThat(page.locator("#explanation")).isVisible();
        assertThat(page).hasURL(base + "/dashboard/calls?account=" + harbor + "&call_log_id=" + encode(harborCall));
        var shown = pairs(page.locator("#explanation"));
        assertThat(shown).containsEntry("Billed seconds (after increments)", explanation.get("billed_seconds").asText())
                .containsEntry("Actual seconds", explanation.get("actual_seconds").asText())
                .containsEntry("Increments (first/next, seconds)", explanation.get("increments").asText())
                .containsEntry("Rate row prefix", explanation.get("rate_prefix").asText())
                .containsEntry("Allowance used (seconds)", explanation.get("allowance_seconds").asText());
        var call = pairs(page.locator("#call-fields"));
        assertThat(call).containsEntry("Total charge", api.get("total_charge").asText() + " " + api.get("currency").asText())
                .containsEntry("Rate per minute", api.get("rate").asText());

        var prefix = explanation.get("rate_prefix").asText();
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rate decks"))
                .click();
        page.selectOption("#account", harbor);
        page.getByLabel("Number or prefix").fill(prefix);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("#applies")).isVisible();
        assertThat(page).hasURL(base + "/dashboard/rates?account=" + harbor + "&number=" + prefix);
        var perMinute = page.locator("#applies tbody tr").evaluateAll("(rows, [type, prefix]) => rows.filter(r => "
                + "r.querySelector('th').textContent.trim() === prefix && r.querySelector('td').textContent.trim() === type)"
                + ".map(r => r.querySelectorAll('td')[2].textContent.trim())", List.of(call.get("Call type"), prefix));
        assertThat(((List<?>) perMinute).stream().map(String::valueOf).toList())
                .as("the per-minute rate that applies to %s for %s", prefix, call.get("Call type"))
                .containsExactly(api.get("rate").asText());
    }

    @Test
    void a_sub_accounts_session_is_refused_the_masters_and_another_accounts_pages() {
        var context = open(false);
        var watch = problems.getLast();
        var harbor = demo.subAccounts().get(0);
        var bluebird = demo.subAccounts().get(1);
        var page = signIn(context, harbor.clientId(), harbor.clientSecret());
        assertThat(page.locator(".who")).hasText("Harbor Dental Group");
        assertThat(page.locator("#overview tbody tr")).hasCount(1);
        assertThat(page.locator("#overview tbody tr[data-account='" + harbor.accountId() + "']")).hasCount(1);
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Sub accounts"))).hasCount(0);
        page.navigate(base + "/dashboard/usage");
        assertThat(page.locator("#account option")).hasCount(1);

        refused(page, watch, "/dashboard/sub-accounts", 403, "Your API client's scopes do not allow this page.");
        for (var other : List.of(demo.accountId(), bluebird.accountId())) {
            var gone = "Account does not exist: " + other + ".";
            refused(page, watch, "/dashboard/usage?account=" + other, 404, gone);
            refused(page, watch, "/dashboard/usage.csv?account=" + other, 404, gone);
            refused(page, watch, "/dashboard/calls?account=" + other + "&call_log_id=" + encode(bluebirdCall), 404, gone);
            refused(page, watch, "/dashboard/rates?account=" + other, 404, gone);
        }
        refused(page, watch, "/dashboard/calls?call_log_id=" + encode(bluebirdCall), 404,
                "Call log does not exist in Harbor Dental Group: " + bluebirdCall + ".");
        var foreign = server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT invoice_id FROM invoice WHERE account_id <> :a").bind("a",
                AccountId.parse(harbor.accountId()).orElseThrow().value()).mapTo(String.class).list());
        assertThat(foreign).as("the demo has other accounts' invoices").isNotEmpty();
        for (var id : foreign) {
            assertThat(context.request().get("/dashboard/invoices/" + id + "/pdf").status()).as(id).isEqualTo(404);
        }
    }

    private static void refused(Page page, Chromium.Problems watch, String path, int status, String message) {
        watch.refusalExpected(base + path);
        var response = page.navigate(base + path);
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(message);
        assertThat(page.getByRole(AriaRole.ALERT)).hasAttribute("data-status", Integer.toString(status));
    }

    @Test
    void the_keyboard_reaches_the_navigation_and_the_form_controls_from_the_top_of_a_page() {
        var page = open(false).newPage();
        page.navigate(base + "/dashboard/sign-in");
        assertThat(tabs(page, 3)).containsExactly("input#client_id", "input#client_secret", "button:Sign in");
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Shift+Tab");
        page.keyboard().type(demo.clientId());
        page.keyboard().press("Tab");
        page.keyboard().type(demo.clientSecret());
        page.keyboard().press("Enter");
        page.waitForURL(base + "/dashboard/overview");

        page.navigate(base + "/dashboard/usage");
        var nav = List.of("a:Skip to content", "a:Overview", "a:Usage", "a:Call lookup", "a:Sub accounts", "a:Invoices",
                "a:Rate decks", "button:Sign out");
        var usage = new ArrayList<>(nav);
        usage.addAll(List.of("select#account", "select#month", "button:Show", "a:Download the days as CSV",
                "summary:Days as a table"));
        assertThat(tabs(page, usage.size())).isEqualTo(usage);

        page.navigate(base + "/dashboard/calls");
        var calls = new ArrayList<>(nav);
        calls.addAll(List.of("select#account", "input#call_log_id", "button:Look up"));
        assertThat(tabs(page, calls.size())).isEqualTo(calls);

        page.navigate(base + "/dashboard/rates");
        page.keyboard().press("Tab");
        assertThat(page.evaluate(FOCUSED)).isEqualTo("a:Skip to content");
        page.keyboard().press("Enter");
        assertThat(page.evaluate(FOCUSED)).as("the skip link moves focus to the content").isEqualTo("main#main");
        assertThat(tabs(page, 3)).containsExactly("select#account", "input#number", "button:Search");
    }

    /** Presses Tab {@code n} times from where the focus is, and says where each press put it. */
    private static List<String> tabs(Page page, int n) {
        var out = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            page.keyboard().press("Tab");
            out.add((String) page.evaluate(FOCUSED));
        }
        return out;
    }

    @Test
    void every_page_fits_a_desktop_and_a_phone_screen_and_is_photographed() throws Exception {
        var harbor = demo.subAccounts().get(0).accountId();
        var prefix = server.api.get("/api/v1/accounts/" + harbor + "/usage/calls/" + encode(harborCall), token).json()
                .get("explanation").get("rate_prefix").asText();
        var pages = new java.util.LinkedHashMap<String, String>();
        pages.put("overview", "/dashboard/overview");
        pages.put("usage", "/dashboard/usage");
        pages.put("calls", "/dashboard/calls?account=" + harbor + "&call_log_id=" + encode(harborCall));
        pages.put("sub-accounts", "/dashboard/sub-accounts");
        pages.put("invoices", "/dashboard/invoices");
        pages.put("rates", "/dashboard/rates?account=" + harbor + "&number=" + prefix);
        for (var phone : List.of(false, true)) {
            var size = phone ? "phone" : "desktop";
            var page = open(phone).newPage();
            page.navigate(base + "/dashboard/sign-in");
            fits(page, "sign-in", phone);
            Chromium.screenshot(page, "signin-" + size);
            signIn(page, demo.clientId(), demo.clientSecret());
            for (var e : pages.entrySet()) {
                assertThat(page.navigate(base + e.getValue()).status()).as(e.getValue()).isEqualTo(200);
                assertThat(page.locator("canvas:not([data-drawn])")).hasCount(0);
                fits(page, e.getKey(), phone);
                var file = Chromium.screenshot(page, e.getKey() + "-" + size);
                assertThat(Files.size(file)).as(file.toString()).isPositive();
            }
        }
    }

    /** The page is no wider than the window (nothing to scroll sideways, no zooming out on a phone). */
    private static void fits(Page page, String name, boolean phone) {
        var width = phone ? Chromium.PHONE_WIDTH : Chromium.DESKTOP_WIDTH;
        var widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var wide = page.evaluate("w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect()"
                + ".right > w + 1 && (!e.closest('.scroll') || getComputedStyle(e).position === 'absolute')).slice(0, 8).map(e => e.tagName + "
                + "(e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))", width);
        var what = name + " on a " + (phone ? "phone" : "desktop") + ", sticking out: " + wide;
        assertThat(((Number) widths.get(1)).intValue()).as(what).isEqualTo(width);
        assertThat(((Number) widths.get(0)).intValue()).as(what).isLessThanOrEqualTo(width);
    }

    // ---- helpers

    private BrowserContext open(boolean phone) {
        var context = chromium.context(phone, base);
        contexts.add(context);
        problems.add(new Chromium.Problems(context));
        return context;
    }

    private static Page signIn(BrowserContext context, String clientId, String secret) {
        var page = context.newPage();
        page.navigate(base + "/dashboard/sign-in");
        return signIn(page, clientId, secret);
    }

    private static Page signIn(Page page, String clientId, String secret) {
        page.getByLabel("Client id").fill(clientId);
        page.getByLabel("Client secret").fill(secret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base + "/dashboard/overview");
        assertThat(page.locator("h1")).hasText("Overview");
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> rows(Page page, String selector) {
        return (List<Map<String, String>>) page.locator(selector).evaluateAll(ROWS);
    }

    /** A definition list's terms and their descriptions. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> pairs(Locator dl) {
        return (Map<String, String>) dl.evaluate("dl => Object.fromEntries([...dl.querySelectorAll('dt')]"
                + ".map(t => [t.textContent.trim(), t.nextElementSibling.textContent.trim()]))");
    }

    /** The usage summary of an account from the 1st of its month to its today. */
    private static JsonNode monthToDate(String account, String groupBy) {
        return summary(account, groupBy, false);
    }

    /** The usage summary of an account's month, to its today or to the month's end. */
    private static JsonNode summary(String account, String groupBy, boolean wholeMonth) {
        var day = LocalDate.ofInstant(server.clock.instant(), java.time.ZoneOffset.UTC);
        var zone = server.api.get("/api/v1/accounts/" + account + "/usage/summary?from=" + day + "&to=" + day, token)
                .json().get("time_zone").asText();
        var today = LocalDate.ofInstant(server.clock.instant(), ZoneId.of(zone));
        var response = server.api.get("/api/v1/accounts/" + account + "/usage/summary?from=" + today.withDayOfMonth(1)
                + "&to=" + (wholeMonth ? today.withDayOfMonth(today.lengthOfMonth()) : today) + "&group_by=" + groupBy, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** True when the account is a sub account paying for itself (the master does not manage its billing). */
    private static boolean paysItself(String account) {
        return server.app.wiring().accountQueries.find(AccountId.parse(account).orElseThrow()).orElseThrow().options()
                .payMode() == com.chargeline.accounts.PayMode.SUB;
    }

    /** A charged call of the account in the demo. */
    private static String chargedCall(String account) {
        return server.app.wiring().db.withHandle(h -> h.createQuery(
                "SELECT call_log_id FROM rated_call WHERE account_id = :a AND current AND total_charge > 0 "
                        + "ORDER BY call_log_id LIMIT 1").bind("a", AccountId.parse(account).orElseThrow().value())
                .mapTo(String.class).one());
    }
}
