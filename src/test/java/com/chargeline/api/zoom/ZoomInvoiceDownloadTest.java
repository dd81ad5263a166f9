package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.chargeline.accounts.PayMode;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zoom B5/B5b: an invoice's PDF at the three download paths, found among the caller's and its paid subs' invoices. */
class ZoomInvoiceDownloadTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static TestServer server;
    static TestServer.Tenant master;
    static TestServer.Tenant sub;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Download Master");
        sub = server.sub(master, "Download Sub", PayMode.MASTER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] paths(String invoiceId) {
        return new String[] {"/api/download/billing/invoices/" + invoiceId, "/v2/api/download/billing/invoices/" + invoiceId,
                "/v2/billing/invoices/" + invoiceId + "/download"};
    }

    private static HttpResponse<byte[]> download(String path, String token) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(server.api.url(path)))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_master_downloads_its_own_and_its_paid_sub_accounts_posted_invoices_at_all_three_paths() {
        var own = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 8));
        var subs = TestInvoices.draft(server, sub, master.account().id(), YearMonth.of(2026, 8));
        server.app.wiring().postInvoice.post(master.account().id(), own.invoiceId(), "test");
        server.app.wiring().postInvoice.post(sub.account().id(), subs.invoiceId(), "test");
        for (var invoice : List.of(own, subs)) {
            var stored = server.app.wiring().invoiceDocuments.pdf(invoice.accountId(), invoice.invoiceId());
            for (var path : paths(invoice.invoiceId())) {
                var response = download(path, master.token());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
                assertThat(response.headers().firstValue("Content-Disposition"))
                        .hasValue("attachment; filename=\"" + invoice.invoiceId() + ".pdf\"");
                assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(stored.length));
                assertThat(response.body()).as(path).isEqualTo(stored);
                assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        var ok = new Api.Response(200, "", null);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Request.Method.GET, "/v2/api/download/billing/invoices/" + own.invoiceId(), ok);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Request.Method.GET, "/v2/billing/invoices/" + own.invoiceId() + "/download", ok);
    }

    @Test
    void a_master_downloads_its_sub_accounts_draft_rendered_on_request() {
        var draft = TestInvoices.draft(server, sub, master.account().id(), YearMonth.of(2026, 7));
        var response = download("/v2/billing/invoices/" + draft.invoiceId() + "/download", master.token());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(server.app.wiring().invoiceDocuments.pdf(sub.account().id(), draft.invoiceId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "nope", "INV-000001"})
    void an_unknown_invoice_id_is_400_2001_at_every_path(String id) {
        for (var path : paths(id)) {
            var response = server.api.get(path, master.token());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"code\":2001,\"message\":\"InvoiceId does not exist: " + id + ".\"}");
        }
        // The official spec declares the 400 without a body schema: validated is that the operation documents a 400.
        var refused = new Api.Response(server.api.get("/v2/billing/invoices/" + id + "/download", master.token()).status(),
                "", null);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Request.Method.GET, "/v2/billing/invoices/" + id + "/download", refused);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Request.Method.GET, "/v2/api/download/billing/invoices/" + id, refused);
    }

    @Test
    void another_tenants_and_a_self_pay_sub_accounts_invoices_look_exactly_like_missing_ones() {
        var stranger = server.master("Download Stranger");
        var foreign = TestInvoices.draft(server, stranger, stranger.account().id(), YearMonth.of(2026, 8));
        var selfPay = server.sub(master, "Download Self Pay", PayMode.SUB);
        var selfPays = TestInvoices.draft(server, selfPay, selfPay.account().id(), YearMonth.of(2026, 8));
        var mastersOwn = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 6));
        record Case(TestServer.Tenant caller, String invoiceId) {
        }
        for (var c : List.of(new Case(master, foreign.invoiceId()), new Case(master, selfPays.invoiceId()),
                new Case(stranger, mastersOwn.invoiceId()))) {
            for (var path : paths(c.invoiceId())) {
                var response = server.api.get(path, c.caller().token());
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.body())
                        .isEqualTo("{\"code\":2001,\"message\":\"InvoiceId does not exist: " + c.invoiceId() + ".\"}");
            }
        }
        assertThat(download("/v2/billing/invoices/" + foreign.invoiceId() + "/download", stranger.token()).statusCode())
                .as("its own master downloads it").isEqualTo(200);
    }

    @Test
    void the_download_needs_a_token_with_billing_master_or_the_download_scope() {
        var draft = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 5));
        var path = "/v2/billing/invoices/" + draft.invoiceId() + "/download";
        assertThat(server.api.get(path, null).body()).isEqualTo("{\"code\":124,\"message\":\"Invalid access token.\"}");
        var accountOnly = server.tokenWithScopes(master.account(), List.of("account:master"));
        for (var p : paths(draft.invoiceId())) {
            var refused = server.api.get(p, accountOnly);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain "
                    + "scopes:[billing:master, billing:read:download_invoice_file:master].\"}");
        }
        var granular = server.tokenWithScopes(master.account(), List.of("billing:read:download_invoice_file:master"));
        assertThat(download(path, granular).statusCode()).isEqualTo(200);
        // Zoom grants the download's scopes to masters only: a sub account's client never holds them
        var subRefused = server.api.get("/v2/billing/invoices/" + draft.invoiceId() + "/download", sub.token());
        assertThat(subRefused.status()).isEqualTo(401);
        assertThat(subRefused.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain "
                + "scopes:[billing:master, billing:read:download_invoice_file:master].\"}");
    }
}
