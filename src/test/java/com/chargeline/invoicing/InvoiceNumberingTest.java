package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invoice numbers are sequential per issuer, without gaps or repeats, also when two server processes post at once. */
class InvoiceNumberingTest {
    static TestServer server;
    static TestServer secondNode;

    @BeforeAll
    static void start() {
        server = new TestServer();
        secondNode = server.secondNode();
    }

    @AfterAll
    static void stop() {
        secondNode.close();
        server.close();
    }

    @Test
    void twenty_drafts_posted_from_eight_threads_on_two_nodes_get_numbers_one_to_twenty() throws Exception {
        var master = server.master("Numbering Master");
        var subs = List.of(server.sub(master, "Numbering Sub A", PayMode.MASTER), server.sub(master, "Numbering Sub B", PayMode.MASTER));
        var issuer = master.account().id();
        var drafts = new ArrayList<Invoice>();
        for (int i = 0; i < 20; i++) {
            var tenant = i % 3 == 0 ? master : subs.get(i % 2);
            drafts.add(TestInvoices.draft(server, tenant, issuer, YearMonth.of(2025, 1).plusMonths(i)));
        }
        var numbers = new ConcurrentLinkedQueue<String>();
        var pool = Executors.newFixedThreadPool(8);
        var go = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < drafts.size(); i++) {
                var draft = drafts.get(i);
                var node = i % 2 == 0 ? server : secondNode;
                futures.add(pool.submit(() -> {
                    go.await();
                    numbers.add(node.app.wiring().postInvoice.post(draft.accountId(), draft.invoiceId(), "test").number());
                    return null;
                }));
            }
            go.countDown();
            for (var f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        var expected = IntStream.rangeClosed(1, 20).mapToObj(n -> PostInvoice.format(n)).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        var stored = new ArrayList<String>();
        for (var d : drafts) {
            stored.add(server.app.wiring().invoiceQueries.details(d.accountId(), d.invoiceId()).invoice().number());
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void each_issuer_counts_on_its_own_and_a_self_pay_sub_issues_its_own_numbers() {
        var master = server.master("Numbering Own Master");
        var selfPay = server.sub(master, "Numbering Self Pay", PayMode.SUB);
        var other = server.master("Numbering Other Master");
        var mine = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        var its = TestInvoices.draft(server, selfPay, selfPay.account().id(), YearMonth.of(2026, 10));
        var theirs = TestInvoices.draft(server, other, other.account().id(), YearMonth.of(2026, 10));
        var post = server.app.wiring().postInvoice;
        assertThat(post.post(mine.accountId(), mine.invoiceId(), "test").number()).isEqualTo("INV-000001");
        assertThat(post.post(its.accountId(), its.invoiceId(), "test").number()).isEqualTo("INV-000001");
        assertThat(post.post(theirs.accountId(), theirs.invoiceId(), "test").number()).isEqualTo("INV-000001");
    }

    @Test
    void a_number_taken_in_a_transaction_that_rolls_back_is_given_back() {
        var master = server.master("Numbering Rollback Master");
        var issuer = master.account().id();
        var draft = TestInvoices.draft(server, master, issuer, YearMonth.of(2026, 10));
        var db = server.app.wiring().db;
        assertThatThrownBy(() -> db.inTransaction(h -> {
            assertThat(h.attach(InvoiceRepository.class).nextNumber(issuer.value())).isEqualTo(1);
            throw new IllegalStateException("the post failed after taking its number");
        })).hasMessage("the post failed after taking its number");
        assertThat(server.app.wiring().postInvoice.post(draft.accountId(), draft.invoiceId(), "test").number())
                .isEqualTo("INV-000001");
    }

    @Test
    void numbers_are_zero_padded_to_six_digits_and_grow_past_a_million() {
        assertThat(PostInvoice.format(1)).isEqualTo("INV-000001");
        assertThat(PostInvoice.format(999_999)).isEqualTo("INV-999999");
        assertThat(PostInvoice.format(1_234_567)).isEqualTo("INV-1234567");
    }
}
