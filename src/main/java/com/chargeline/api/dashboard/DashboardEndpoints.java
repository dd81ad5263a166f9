package com.chargeline.api.dashboard;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.DashboardSessions;
import com.chargeline.api.auth.Caller;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.common.error.BillingException;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Forbidden;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web dashboard under {@code /dashboard}: sign-in with an API client's id and secret into a server-side session
 * ({@link DashboardSessions}; cookie HttpOnly, SameSite=Strict, Secure when the public base URL is https), sign-out,
 * and the pages (overview, usage, call lookup, sub accounts, invoices with their PDFs, rate decks) rendered from
 * precompiled jte templates by {@link DashboardPages}. A session is scoped like its client's tokens: each page
 * requires the scopes of the API operations that read the same data, and accounts are resolved through
 * {@code AccountAccess} (a master reaches itself and its sub accounts, a sub account only itself). Every POST carries
 * the session's CSRF token (form field {@code csrf} or header {@code X-CSRF-Token}); the sign-in form a one-time
 * token matched against a cookie of its own.
 */
public final class DashboardEndpoints implements EndpointGroup {
    static final String SESSION_COOKIE = "chargeline_session";
    /** Their scopes decide what a session may see; pages are not rate limited (a session is not an API client's token). */
    private static final RateLimit LIGHT = RateLimit.nativeApi(RateLimit.Label.LIGHT);
    static final String LOGIN_COOKIE = "chargeline_login";
    private static final String BASE = "/dashboard";
    private static final String SESSION = "chargeline.dashboard.session";
    /** Reading usage: what the native call lookup and Zoom's phone reports accept. */
    static final Operation USAGE = Operation.of("dashboardUsage", LIGHT,
            "phone:read:admin", "phone:read:call_charges:admin",
            "chargeline:usage:write", "chargeline:admin");
    static final Operation INVOICES = Operation.of("dashboardInvoices", LIGHT,
            "billing:master",
            "billing:read:list_invoices:master", "billing:read:list_invoices:admin", "chargeline:invoices:write",
            "chargeline:admin");
    static final Operation SUB_ACCOUNTS = Operation.of("dashboardSubAccounts", LIGHT,
            "account:master", "account:read:master",
            "account:read:list_sub_accounts:master", "billing:master", "chargeline:admin");
    static final Operation RATES = Operation.of("dashboardRates", LIGHT,
            "chargeline:decks:write", "phone:read:admin",
            "chargeline:admin");
    private static final Map<String, String> ASSETS = Map.of("app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final DashboardSessions sessions;
    private final DashboardPages pages;
    private final boolean secureCookies;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /** {@code secureCookies}: mark the cookies Secure (the server is reached over https). */
    public DashboardEndpoints(DashboardSessions sessions, DashboardPages pages, boolean secureCookies) {
        this.sessions = sessions;
        this.pages = pages;
        this.secureCookies = secureCookies;
    }

    @Override
    public void addEndpoints() {
        get(BASE, ctx -> ctx.redirect(BASE + "/overview"));
        get(BASE + "/sign-in", this::signInForm);
        post(BASE + "/sign-in", this::signIn);
        post(BASE + "/sign-out", this::signOut);
        get(BASE + "/assets/{name}", this::asset);
        get(BASE + "/overview", page(USAGE, (ctx, caller, frame) -> render(ctx, "overview.jte",
                pages.overview(frame("Overview", "overview", ctx, caller), caller.accountId()))));
        get(BASE + "/overview.csv", page(USAGE, (ctx, caller, frame) -> csv(ctx, "overview.csv",
                pages.overviewCsv(caller.accountId()))));
        get(BASE + "/usage", page(USAGE, (ctx, caller, frame) -> render(ctx, "usage.jte",
                pages.usage(frame("Usage", "usage", ctx, caller), caller.accountId(), ctx.queryParam("account"),
                        ctx.queryParam("month")))));
        get(BASE + "/usage.csv", page(USAGE, (ctx, caller, frame) -> csv(ctx, "usage.csv",
                pages.usageCsv(caller.accountId(), ctx.queryParam("account"), ctx.queryParam("month")))));
        get(BASE + "/calls", page(USAGE, (ctx, caller, frame) -> render(ctx, "calls.jte",
                pages.callLookup(frame("Call lookup", "calls", ctx, caller), caller.accountId(),
                        ctx.queryParam("account"), ctx.queryParam("call_log_id")))));
        get(BASE + "/sub-accounts", page(SUB_ACCOUNTS, (ctx, caller, frame) -> render(ctx, "subaccounts.jte",
                pages.subAccounts(frame("Sub accounts", "sub-accounts", ctx, caller), caller.accountId()))));
        get(BASE + "/invoices", page(INVOICES, (ctx, caller, frame) -> render(ctx, "invoices.jte",
                pages.invoices(frame("Invoices", "invoices", ctx, caller), caller.accountId()))));
        get(BASE + "/invoices/{invoiceId}/pdf", page(INVOICES, (ctx, caller, frame) -> {
            var pdf = pages.invoicePdf(caller.accountId(), ctx.pathParam("invoiceId"));
            ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + pdf.name() + ".pdf\"")
                    .result(pdf.bytes());
        }));
        get(BASE + "/rates", page(RATES, (ctx, caller, frame) -> render(ctx, "rates.jte",
                pages.rates(frame("Rate decks", "rates", ctx, caller), caller.accountId(), ctx.queryParam("account"),
                        ctx.queryParam("number")))));
    }

    /** A signed-in page: the session, the operation's scopes, then the body; errors as an HTML page. */
    private interface Body {
        void handle(Context ctx, Caller caller, Pages.Frame frame) throws Exception;
    }

    private Handler page(Operation operation, Body body) {
        return ctx -> {
            headers(ctx);
            var session = session(ctx);
            if (session == null) {
                ctx.redirect(BASE + "/sign-in");
                return;
            }
            var caller = caller(session);
            try {
                caller.require(operation);
            } catch (BillingException e) {
                problem(ctx, caller, 403, "Your API client's scopes do not allow this page.");
                return;
            }
            try {
                body.handle(ctx, caller, null);
            } catch (BillingException e) {
                problem(ctx, caller, status(e), message(e));
            }
        };
    }

    private static Caller caller(DashboardSessions.Session session) {
        var client = session.client();
        return new Caller(client.accountId(), client.clientId(), Set.copyOf(client.scopes()));
    }

    private Pages.Frame frame(String title, String active, Context ctx, Caller caller) {
        DashboardSessions.Session session = ctx.attribute(SESSION);
        var account = pages.account(caller.accountId());
        return new Pages.Frame(title, active, account.profile().name(), caller.clientId(), session.csrfToken(),
                account.isMaster());
    }

    private void problem(Context ctx, Caller caller, int status, String message) {
        ctx.status(status);
        render(ctx, "problem.jte", new Pages.Problem(frame("Error", "", ctx, caller), status, message));
    }

    private static int status(BillingException e) {
        return switch (e) {
            case NotFound n -> 404;
            case Forbidden f -> 403;
            case Invalid i -> 400;
            default -> 400;
        };
    }

    private static String message(BillingException e) {
        var fields = e.fieldErrors();
        if (fields == null || fields.isEmpty()) {
            return e.getMessage();
        }
        var out = new StringBuilder(e.getMessage());
        for (FieldError f : fields) {
            out.append(' ').append(f.field()).append(": ").append(f.message());
        }
        return out.toString();
    }

    /** The request's live session (kept on the request), or null. */
    private DashboardSessions.Session session(Context ctx) {
        DashboardSessions.Session cached = ctx.attribute(SESSION);
        if (cached != null) {
            return cached;
        }
        var found = sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (found != null) {
            ctx.attribute(SESSION, found);
        }
        return found;
    }

    private void signInForm(Context ctx) {
        headers(ctx);
        if (session(ctx) != null) {
            ctx.redirect(BASE + "/overview");
            return;
        }
        var token = DashboardSessions.randomToken();
        ctx.cookie(cookie(LOGIN_COOKIE, token, -1));
        render(ctx, "signin.jte", new Pages.SignIn(token, null, ""));
    }

    private void signIn(Context ctx) {
        headers(ctx);
        var expected = ctx.cookie(LOGIN_COOKIE);
        if (expected == null || !same(expected, ctx.formParam("login_token")) || !sameOrigin(ctx)) {
            ctx.status(403).result("The sign-in form has expired: open the sign-in page again.");
            return;
        }
        var clientId = ctx.formParam("client_id");
        var opened = sessions.signIn(clientId, ctx.formParam("client_secret"));
        if (opened.isEmpty()) {
            var token = DashboardSessions.randomToken();
            ctx.cookie(cookie(LOGIN_COOKIE, token, -1));
            ctx.status(401);
            render(ctx, "signin.jte", new Pages.SignIn(token, "The client id or secret is wrong, or the client is revoked.",
                    clientId == null ? "" : clientId));
            return;
        }
        ctx.cookie(cookie(LOGIN_COOKIE, "", 0));
        ctx.cookie(cookie(SESSION_COOKIE, opened.get().id(), -1));
        ctx.redirect(BASE + "/overview", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        headers(ctx);
        var session = session(ctx);
        if (session != null && !csrfOk(ctx, session)) {
            ctx.status(403).result("Missing or wrong CSRF token.");
            return;
        }
        sessions.signOut(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
        ctx.redirect(BASE + "/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A POST of a signed-in session carries its CSRF token, as a form field or (htmx) a header, from this origin. */
    static boolean csrfOk(Context ctx, DashboardSessions.Session session) {
        var presented = ctx.header("X-CSRF-Token");
        if (presented == null) {
            presented = ctx.formParam("csrf");
        }
        return same(session.csrfToken(), presented) && sameOrigin(ctx);
    }

    /** A request whose Origin header (when the browser sends one) is this server. */
    private static boolean sameOrigin(Context ctx) {
        var origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        var host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static boolean same(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, BASE, maxAge, secureCookies, true, null, SameSite.STRICT);
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    private void render(Context ctx, String template, Object model) {
        var out = new StringOutput();
        templates.render("dashboard/" + template, model, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private static void csv(Context ctx, String name, String body) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(body);
    }

    private void asset(Context ctx) throws IOException {
        var name = ctx.pathParam("name");
        var type = ASSETS.get(name);
        if (type == null) {
            throw new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "No such asset: " + name + ".", Map.of("name", name));
        }
        try (InputStream in = DashboardEndpoints.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the build: " + name);
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }

    /** Bad page input: a 400 naming the field. */
    static Invalid invalid(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Invalid field.", Map.of(), List.of(new FieldError(field, message)));
    }
}
