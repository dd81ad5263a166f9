package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.accounts.BillingContact;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A posted invoice's PDF is stored when it is posted and read back byte for byte ever after; a Draft's is not. */
class InvoiceDocumentsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void contact(AccountId account, String name, String city) {
        server.app.wiring().updateBillingContact.update(account, new BillingContact(
                new BillingContact.Person(name, "Lovelace", "ada@example.com", null),
                new BillingContact.Address("1 Main Street", "", city, "IL", "62701", "US"), null));
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long storedRows(Invoice invoice) {
        return server.app.wiring().db.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM invoice_document WHERE account_id = :a AND invoice_id = :i")
                .bind("a", invoice.accountId().value()).bind("i", invoice.invoiceId()).mapTo(Long.class).one());
    }

    @Test
    void a_posted_invoices_pdf_reads_back_byte_for_byte_after_the_billing_contact_changes_a_drafts_follows_it()
            throws IOException {
        var master = server.master("Documents Master");
        var id = master.account().id();
        contact(id, "Ada", "Springfield");
        var draft = TestInvoices.draft(server, master, id, YearMonth.of(2026, 10));
        var other = TestInvoices.draft(server, master, id, YearMonth.of(2026, 9));
        var documents = server.app.wiring().invoiceDocuments;
        assertThat(storedRows(draft)).as("a Draft's PDF is rendered on request, never stored").isZero();
        assertThat(text(documents.pdf(id, other.invoiceId()))).contains("DRAFT", "Ada Lovelace", "Springfield");

        var posted = server.app.wiring().postInvoice.post(id, draft.invoiceId(), "test");
        var atPosting = documents.pdf(id, draft.invoiceId());
        assertThat(storedRows(posted)).isOne();
        assertThat(text(atPosting)).contains(posted.number(), "Ada Lovelace", "Springfield", "Status Posted");

        contact(id, "Augusta", "Chicago");
        assertThat(text(documents.pdf(id, other.invoiceId()))).as("the Draft shows the new contact")
                .contains("Augusta Lovelace", "Chicago").doesNotContain("Springfield");
        assertThat(documents.pdf(id, draft.invoiceId())).as("the posted invoice's PDF never changes").isEqualTo(atPosting);

        server.app.wiring().payInvoice.pay(id, draft.invoiceId(), new BigDecimal("10.00"), LocalDate.of(2026, 11, 24),
                "wire", "test");
        assertThat(documents.pdf(id, draft.invoiceId())).as("nor after a payment").isEqualTo(atPosting);
        var sha = server.app.wiring().db.withHandle(h -> h.createQuery(
                        "SELECT sha256 FROM invoice_document WHERE account_id = :a AND invoice_id = :i")
                .bind("a", id.value()).bind("i", draft.invoiceId()).mapTo(String.class).one());
        assertThat(sha).isEqualTo(InvoiceDocuments.sha256(atPosting));
    }

    @Test
    void a_voided_posted_invoice_keeps_its_posted_pdf_and_the_stored_pdf_can_not_be_changed_even_in_sql() {
        var master = server.master("Documents Void Master");
        var id = master.account().id();
        var draft = TestInvoices.draft(server, master, id, YearMonth.of(2026, 10));
        server.app.wiring().postInvoice.post(id, draft.invoiceId(), "test");
        var documents = server.app.wiring().invoiceDocuments;
        var atPosting = documents.pdf(id, draft.invoiceId());
        server.app.wiring().voidInvoice.voidInvoice(id, draft.invoiceId(), "Duplicate", "test");
        assertThat(documents.pdf(id, draft.invoiceId())).isEqualTo(atPosting);

        var where = " WHERE account_id = '" + id.value() + "' AND invoice_id = '" + draft.invoiceId() + "'";
        assertThatThrownBy(() -> server.app.wiring().db.withHandle(h -> h.execute(
                "UPDATE invoice_document SET pdf = '\\x00'::bytea" + where)))
                .hasStackTraceContaining("invoice_document: rows are appended, never changed or deleted");
        assertThatThrownBy(() -> server.app.wiring().db.withHandle(h -> h.execute("DELETE FROM invoice_document" + where)))
                .hasStackTraceContaining("invoice_document: rows are appended, never changed or deleted");
        assertThat(documents.pdf(id, draft.invoiceId())).isEqualTo(atPosting);
    }

    @Test
    void an_invoice_posted_before_documents_were_stored_gets_its_pdf_stored_on_the_first_request_and_keeps_it() {
        var master = server.master("Documents Legacy Master");
        var id = master.account().id();
        var draft = TestInvoices.draft(server, master, id, YearMonth.of(2026, 10));
        var posted = server.app.wiring().postInvoice.post(id, draft.invoiceId(), "test");
        // as if posted before V2026_12_01_1100: no stored document (the append-only trigger is bypassed by a replica session)
        server.app.wiring().db.withHandle(h -> h.execute("SET session_replication_role = replica; DELETE FROM invoice_document"
                + " WHERE account_id = '" + id.value() + "' AND invoice_id = '" + draft.invoiceId() + "';"
                + " SET session_replication_role = origin"));
        assertThat(storedRows(posted)).isZero();

        var documents = server.app.wiring().invoiceDocuments;
        var first = documents.pdf(id, draft.invoiceId());
        assertThat(storedRows(posted)).isOne();
        contact(id, "Augusta", "Chicago");
        assertThat(documents.pdf(id, draft.invoiceId())).isEqualTo(first);
    }

    @Test
    void an_unknown_invoice_has_no_pdf() {
        var master = server.master("Documents Missing Master");
        assertThatThrownBy(() -> server.app.wiring().invoiceDocuments.pdf(master.account().id(), "0".repeat(32)))
                .isInstanceOf(NotFound.class).hasMessage("Invoice does not exist: " + "0".repeat(32) + ".");
    }
}
