package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.BillingContact;
import com.chargeline.common.money.Money;
import com.chargeline.testing.TempDirs;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invoice PDF read back: by PDFBox page by page, and by poppler's pdftotext/pdftoppm where installed. */
class InvoicePdfTest {
    static TestServer server;
    static TestServer.Tenant master;
    static Invoice posted;
    static byte[] pdf;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Acme Telecom Ltd");
        server.app.wiring().updateBillingContact.update(master.account().id(), new BillingContact(
                new BillingContact.Person("Grace", "Hopper", "grace@acme.example", "+1 555 0100"),
                new BillingContact.Address("1 Harbor Way", "Suite 5", "Boston", "MA", "02110", "US"), null));
        var draft = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10),
                manyLines(YearMonth.of(2026, 10), 70));
        posted = server.app.wiring().postInvoice.post(master.account().id(), draft.invoiceId(), "test");
        pdf = server.app.wiring().invoiceDocuments.pdf(master.account().id(), draft.invoiceId());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A plan line, {@code usageLines} call lines over five call types and many countries (several lines per type and
     * country, which the summary adds up), two SMS lines and a tax line.
     */
    static List<InvoiceItem.Line> manyLines(YearMonth month, int usageLines) {
        var first = month.atDay(1);
        var last = month.atEndOfMonth();
        var lines = new ArrayList<InvoiceItem.Line>();
        lines.add(new InvoiceItem.Line(InvoiceItem.Kind.PLAN, "Zoom Phone Pro", new BigDecimal("12"), usd("10.00"),
                usd("120.00"), first, last, "", null));
        String[] types = {"local", "national", "international", "mobile", "toll_free"};
        String[] countries = {"US", "GB", "DE", "FR", "JP", "BR", "IN"};
        for (int i = 0; i < usageLines; i++) {
            var type = types[i % types.length];
            var country = countries[i % countries.length];
            long calls = 3L + i;
            long seconds = 60L * (10 + 3 * i);
            lines.add(new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "Outbound " + type + " calls, " + country + " (" + i
                    + ")", BigDecimal.valueOf(seconds / 60), usd("0.0125"), usd("0.0125").times(BigDecimal.valueOf(seconds / 60)),
                    first, last, "", null, new InvoiceItem.Usage(UsageLine.Kind.CALLS, "outbound", type, country, calls,
                    seconds, 0), null));
        }
        lines.add(new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "SMS sent", new BigDecimal("40"), usd("0.0079"),
                usd("0.316"), first, last, "", null,
                new InvoiceItem.Usage(UsageLine.Kind.MESSAGES, "outbound", "SMS", "", 40, 0, 52), null));
        lines.add(new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "SMS received", new BigDecimal("12"), usd("0"),
                usd("0"), first, last, "", null,
                new InvoiceItem.Usage(UsageLine.Kind.MESSAGES, "inbound", "SMS", "", 12, 0, 12), null));
        lines.add(new InvoiceItem.Line(InvoiceItem.Kind.TAX, "Sales tax 6.25%", BigDecimal.ONE, null, usd("9.99"),
                first, last, "", null));
        return lines;
    }

    static Money usd(String amount) {
        return TestInvoices.usd(amount);
    }

    private static List<String> pages(byte[] bytes) throws IOException {
        try (var doc = Loader.loadPDF(bytes)) {
            var pages = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /** What every page, the first page and the last page must show, checked on text of any extractor. */
    private static void assertContent(List<String> pages) {
        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        var details = server.app.wiring().invoiceQueries.details(posted.accountId(), posted.invoiceId());
        int totals = -1;
        for (int p = 0; p < pages.size(); p++) {
            var text = pages.get(p);
            assertThat(text).as("page %d", p + 1)
                    .contains("Page " + (p + 1) + " of " + pages.size())
                    .contains("Invoice " + posted.number());
            if (text.contains("Balance due")) {
                totals = p;
            } else if (totals < 0) {
                // every page of the item table (all before the totals' page) starts under its header row
                assertThat(text).as("page %d lists items under the header row", p + 1)
                        .contains("Description", "Quantity", "Unit price", "Amount");
            } else {
                assertThat(text).as("page %d continues the usage summary under its header rows", p + 1)
                        .containsPattern("Call type\\s+Country\\s+Calls\\s+Minutes\\s+Amount|Direction\\s+Type\\s+Messages\\s+Segments");
            }
        }
        assertThat(totals).as("the totals' page").isGreaterThanOrEqualTo(1);
        assertThat(pages.get(0)).contains("Chargeline", "INVOICE", posted.number(), "Bill to", "Grace Hopper",
                "Acme Telecom Ltd", "1 Harbor Way, Suite 5", "Boston, MA 02110", "grace@acme.example",
                "24 Nov 2026", "24 Dec 2026", "1 Oct 2026 - 31 Oct 2026", "USD", "Zoom Phone Pro", "120.00");
        var all = String.join("\n", pages);
        var inv = details.invoice();
        assertThat(inv.subtotal().amount()).isPositive();
        assertThat(all).contains("Subtotal", "Tax (Sales tax 6.25%)", "Total", "Amount paid", "Balance due",
                "Usage summary: calls by call type and country", "Usage summary: messages by direction and type",
                "Call type", "Country", "Minutes", "Segments")
                .contains(money(inv.subtotal()) + " USD", money(inv.tax()) + " USD", money(inv.total()) + " USD",
                        "0.00 USD");
        assertThat(all).as("no tax line in the item table, only in the totals").doesNotContainPattern("Sales tax 6.25%\\s+1\\b");
    }

    private static String money(Money m) {
        return String.format("%,.2f", m.amount());
    }

    @Test
    void a_two_page_invoice_shows_its_header_row_page_numbers_parties_totals_and_usage_summary_on_the_right_pages()
            throws IOException {
        var pages = pages(pdf);
        assertContent(pages);
        var summary = UsageSummary.of(server.app.wiring().invoiceQueries.details(posted.accountId(), posted.invoiceId())
                .items());
        var local = summary.calls().stream().filter(r -> r.type().equals("local") && r.country().equals("US"))
                .findFirst().orElseThrow();
        // local calls to the US are lines 0 and 35 (i % 5 == 0 and i % 7 == 0): 3 + 38 calls, 10 + 115 minutes,
        // 0.13 + 1.44 (each line rounded)
        assertThat(local.calls()).isEqualTo(41);
        assertThat(local.billedSeconds()).isEqualTo(60L * 125);
        var all = String.join("\n", pages);
        assertThat(all).containsPattern("local\\s+US\\s+41\\s+125\\s+1\\.57")
                .containsPattern("outbound\\s+SMS\\s+40\\s+52\\s+0\\.32")
                .containsPattern("inbound\\s+SMS\\s+12\\s+12\\s+0\\.00");
    }

    @Test
    void the_same_invoice_renders_to_the_same_bytes_and_dates_come_from_the_invoice() throws IOException {
        var details = server.app.wiring().invoiceQueries.details(posted.accountId(), posted.invoiceId());
        var billTo = new InvoicePdf.BillTo("Grace Hopper", "Acme Telecom Ltd", List.of("1 Harbor Way"), "g@a.example");
        var renderer = new InvoicePdf(Seller.DEFAULT);
        var once = renderer.render(details, billTo);
        var again = renderer.render(details, billTo);
        assertThat(again).isEqualTo(once);
        try (var doc = Loader.loadPDF(once)) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(posted.postedAt());
            assertThat(doc.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(posted.postedAt());
        }
    }

    @Test
    void a_draft_says_draft_a_void_one_void_and_its_reason_and_yen_have_no_decimals() throws IOException {
        var month = YearMonth.of(2026, 9);
        var yen = Currency.getInstance("JPY");
        var draft = TestInvoices.draft(server, master, master.account().id(), month, List.of(
                new InvoiceItem.Line(InvoiceItem.Kind.PLAN, "Pro Monthly", new BigDecimal("3"),
                        new Money(new BigDecimal("2000"), yen), new Money(new BigDecimal("6000"), yen), month.atDay(1),
                        month.atDay(15), InvoiceItem.BILLED_ON_MASTER, null)));
        var documents = server.app.wiring().invoiceDocuments;
        var draftText = String.join("\n", pages(documents.pdf(master.account().id(), draft.invoiceId())));
        assertThat(draftText).contains("DRAFT", "Invoice DRAFT", "Page 1 of 1", "JPY", "6,000 JPY", "2,000",
                "2026-09-01 to 2026-09-15 | Billed on master").doesNotContain("6,000.00").doesNotContain("VOID");

        server.app.wiring().voidInvoice.voidInvoice(master.account().id(), draft.invoiceId(), "Raised in error", "test");
        var voidText = String.join("\n", pages(documents.pdf(master.account().id(), draft.invoiceId())));
        assertThat(voidText).contains("VOID", "Raised in error", "Status Void");
    }

    @Test
    void the_seller_block_comes_from_the_configured_seller() throws IOException {
        var details = server.app.wiring().invoiceQueries.details(posted.accountId(), posted.invoiceId());
        var seller = new Seller("Northwind Telecom", List.of("1 Market Street", "San Francisco, CA 94105"),
                "billing@northwind.example", "US 94-1234567");
        var text = pages(new InvoicePdf(seller).render(details, new InvoicePdf.BillTo("Grace Hopper", "", List.of(), "")))
                .get(0);
        assertThat(text).contains("Northwind Telecom", "1 Market Street", "San Francisco, CA 94105",
                "billing@northwind.example", "Tax ID: US 94-1234567").doesNotContain("Chargeline");
    }

    @Test
    void poppler_renders_the_pages_and_reads_back_the_same_text() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("pdftoppm") && onPath("pdftotext"),
                "pdftoppm/pdftotext (poppler-utils) not installed: skipping the check with an independent PDF reader");
        var dir = Files.createTempDirectory("invoice-pdf");
        try {
            readBackWithPoppler(dir);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void readBackWithPoppler(Path dir) throws IOException, InterruptedException {
        var file = dir.resolve("invoice.pdf");
        Files.write(file, pdf);
        run(dir, "pdftoppm", "-png", "-r", "60", "invoice.pdf", "page");
        try (var pngs = Files.list(dir)) {
            var images = pngs.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
            assertThat(images).hasSize(pages(pdf).size());
            for (var png : images) {
                var head = Arrays.copyOf(Files.readAllBytes(png), 8);
                assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            }
        }
        run(dir, "pdftotext", "-layout", "invoice.pdf", "invoice.txt");
        var text = Files.readString(dir.resolve("invoice.txt"), StandardCharsets.UTF_8);
        assertContent(List.of(text.split("\f")).stream().filter(p -> !p.isBlank()).toList());
    }

    private static boolean onPath(String tool) {
        var path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command[0], output).isZero();
    }
}
