package com.chargeline.invoicing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.App;
import com.chargeline.accounts.PayMode;
import com.chargeline.storage.Storage;
import com.chargeline.testing.Api;
import com.chargeline.testing.MutableClock;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The report worker's promises: a report a server left Processing (stopped, or died mid-report) is written by the
 * next worker on the database, workers of several servers write each report once, a broken report fails visibly.
 */
class InvoiceReportWorkerTest {
    private static final String PATH = "/v2/accounts/billing/invoice_reports";

    private static String request(TestServer server, TestServer.Tenant master, TestServer.Tenant sub) {
        var created = server.api.post(PATH, master.token(), "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\","
                + "\"account_ids\":[\"" + sub.id() + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String status(Api api, String token, String id) {
        return api.get(PATH + "/" + id + "?download=false", token).json().get("status").asText();
    }

    @Test
    void a_report_left_processing_by_a_stopped_server_is_written_by_the_worker_of_the_next_one() throws InterruptedException {
        String dbUrl;
        String id;
        TestServer.Tenant master;
        try (var first = new TestServer()) {
            dbUrl = first.dbUrl;
            master = first.master("Worker Restart Master");
            var sub = first.sub(master, "Worker Restart Sub", PayMode.MASTER);
            var invoice = TestInvoices.draft(first, sub, master.account().id(), YearMonth.of(2026, 10));
            first.app.wiring().postInvoice.post(sub.account().id(), invoice.invoiceId(), "test");
            id = request(first, master, sub);
            assertThat(status(first.api, master.token(), id)).isEqualTo("Processing");
        }
        // the next server runs its background worker (as serve does), every 50 ms
        var clock = new MutableClock(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        var target = new Storage.Target(null, dbUrl, "postgres", null, Map.of());
        try (var next = App.start(new App.Config(target, "127.0.0.1", 0, null, 1_048_576, clock, Duration.ofMillis(50)))) {
            var api = new Api(next.port());
            String seen = status(api, master.token(), id);
            // bounded wait for the background thread (the only timing in these tests; no duration is asserted)
            for (int i = 0; i < 600 && !seen.equals("Available"); i++) {
                Thread.sleep(50);
                seen = status(api, master.token(), id);
            }
            assertThat(seen).isEqualTo("Available");
            var csv = api.get(PATH + "/" + id + "?download=true", master.token());
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().lines()).hasSize(4);
            assertThat(next.wiring().invoiceReportWorker.runPending()).as("written once").isZero();
        }
    }

    @Test
    void a_claimed_report_is_skipped_and_a_claim_that_dies_leaves_it_for_the_next_worker() throws SQLException {
        try (var server = new TestServer()) {
            var master = server.master("Worker Claim Master");
            var sub = server.sub(master, "Worker Claim Sub", PayMode.MASTER);
            var id = request(server, master, sub);
            var worker = server.app.wiring().invoiceReportWorker;
            try (var other = DriverManager.getConnection(server.dbUrl, "postgres", "")) {
                // another process's worker, mid-report: it holds the claim (the row lock) in its open transaction
                other.setAutoCommit(false);
                try (var claim = other.prepareStatement("SELECT report_no FROM invoice_report WHERE report_no = ? FOR UPDATE")) {
                    claim.setLong(1, Long.parseLong(id));
                    try (var rows = claim.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                    }
                }
                assertThat(worker.runPending()).as("a claimed report is skipped, not waited for").isZero();
                assertThat(status(server.api, master.token(), id)).isEqualTo("Processing");
                // that process dies: its transaction rolls back and the claim is gone
                other.rollback();
            }
            assertThat(status(server.api, master.token(), id)).isEqualTo("Processing");
            assertThat(worker.runPending()).isEqualTo(1);
            assertThat(status(server.api, master.token(), id)).isEqualTo("Available");
        }
    }

    @Test
    void workers_of_two_servers_racing_over_the_same_reports_write_each_once() throws Exception {
        try (var server = new TestServer(); var second = server.secondNode()) {
            var master = server.master("Worker Race Master");
            var sub = server.sub(master, "Worker Race Sub", PayMode.MASTER);
            var ids = new HashSet<String>();
            for (int i = 0; i < 16; i++) {
                ids.add(request(server, master, sub));
            }
            var workers = List.of(server.app.wiring().invoiceReportWorker, second.app.wiring().invoiceReportWorker);
            var start = new CyclicBarrier(workers.size());
            var pool = Executors.newFixedThreadPool(workers.size());
            try {
                var runs = new ArrayList<Future<List<String>>>();
                for (var worker : workers) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        var written = new ArrayList<String>();
                        for (var r = worker.runOne(); r.isPresent(); r = worker.runOne()) {
                            written.add(r.get().id());
                        }
                        return written;
                    }));
                }
                var first = runs.get(0).get();
                var other = runs.get(1).get();
                assertThat(first).doesNotContainAnyElementsOf(other).doesNotHaveDuplicates();
                assertThat(other).doesNotHaveDuplicates();
                var all = new HashSet<>(first);
                all.addAll(other);
                assertThat(all).isEqualTo(ids);
                assertThat(first.size() + other.size()).isEqualTo(ids.size());
            } finally {
                pool.shutdownNow();
            }
            for (var id : ids) {
                assertThat(status(server.api, master.token(), id)).isEqualTo("Available");
            }
        }
    }

    @Test
    void a_report_whose_invoices_cannot_be_read_fails_and_is_not_listed() throws SQLException {
        try (var server = new TestServer()) {
            var master = server.master("Worker Fail Master");
            var sub = server.sub(master, "Worker Fail Sub", PayMode.MASTER);
            try (var c = DriverManager.getConnection(server.dbUrl, "postgres", "");
                 var broken = c.prepareStatement("""
                         INSERT INTO invoice (account_id, invoice_id, issuer_account_id, number, period_start, period_end,
                                              time_zone, currency, status, subtotal, tax, total, invoice_date, due_date,
                                              posted_at, created_at)
                         VALUES (?, '0123456789abcdef0123456789abcdef', ?, 'INV-000001', '2026-10-01', '2026-10-31',
                                 'UTC', 'ZZZ', 'Posted', 1, 0, 1, '2026-11-01', '2026-12-01', now(), now())""")) {
                broken.setObject(1, sub.account().id().value());
                broken.setObject(2, master.account().id().value());
                assertThat(broken.executeUpdate()).isEqualTo(1);
            }
            var id = request(server, master, sub);
            assertThat(server.app.wiring().invoiceReportWorker.runPending()).isEqualTo(1);
            assertThat(status(server.api, master.token(), id)).isEqualTo("Failed");
            var download = server.api.get(PATH + "/" + id + "?download=true", master.token());
            assertThat(download.status()).isEqualTo(400);
            assertThat(download.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice report " + id
                    + " could not be generated; delete it and generate it again.\"}");
            assertThat(server.api.get(PATH, master.token()).body()).isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":[]}");
            assertThat(server.api.delete(PATH + "/" + id, master.token()).status()).isEqualTo(204);
        }
    }

    @Test
    void a_sub_account_that_left_the_master_before_the_report_was_written_is_left_out() {
        try (var server = new TestServer()) {
            var master = server.master("Worker Leave Master");
            var stays = server.sub(master, "Worker Stays", PayMode.MASTER);
            var leaves = server.sub(master, "Worker Leaves", PayMode.MASTER);
            for (var sub : List.of(stays, leaves)) {
                var invoice = TestInvoices.draft(server, sub, master.account().id(), YearMonth.of(2026, 10));
                server.app.wiring().postInvoice.post(sub.account().id(), invoice.invoiceId(), "test");
            }
            var created = server.api.post(PATH, master.token(), "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\","
                    + "\"account_ids\":[\"" + stays.id() + "\",\"" + leaves.id() + "\"]}");
            var id = created.json().get("id").asText();
            assertThat(server.api.delete("/v2/accounts/" + leaves.id(), master.token()).status()).isEqualTo(204);
            assertThat(server.app.wiring().invoiceReportWorker.runPending()).isEqualTo(1);
            var csv = server.api.get(PATH + "/" + id + "?download=true", master.token()).body();
            assertThat(csv.lines().skip(1)).hasSize(3).allMatch(line -> line.startsWith(stays.id() + ","));
            assertThat(server.api.get(PATH + "/" + id + "?download=false", master.token()).json()
                    .get("accounts_total_number").asInt()).as("as asked for").isEqualTo(2);
        }
    }
}
