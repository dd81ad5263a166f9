package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** The automatic invoicing of serve: the months it runs, one process at a time, posting after the review period. */
class InvoiceScheduleTest {

    @Test
    void the_closed_months_are_the_previous_month_in_the_earliest_and_the_latest_zone() {
        assertThat(InvoiceSchedule.closedMonths(Instant.parse("2026-12-15T12:00:00Z"))).containsExactly(YearMonth.of(2026, 11));
        // 10:00 UTC on 1 December is already December in UTC+14 but still November in UTC-12.
        assertThat(InvoiceSchedule.closedMonths(Instant.parse("2026-12-01T10:00:00Z")))
                .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    }

    @Test
    void two_processes_ticking_at_once_draft_each_invoice_once_and_posting_waits_for_the_review() {
        try (var one = new TestServer(); var two = one.secondNode()) {
            var w1 = one.app.wiring();
            var w2 = two.app.wiring();
            var accounts = new ArrayList<TestServer.Tenant>();
            for (int i = 0; i < 6; i++) {
                var tenant = one.master("Scheduled " + i);
                one.subscribe(tenant, "monthly", 1 + i);
                accounts.add(tenant);
            }
            var at = Duration.between(one.clock.instant(), Instant.parse("2026-12-01T12:00:00Z"));
            one.clock.advance(at);
            two.clock.advance(at);
            var review = Duration.ofDays(3);
            var first = new InvoiceSchedule(w1.db, one.clock, w1.runInvoices, w1.postInvoice, review);
            var second = new InvoiceSchedule(w2.db, one.clock, w2.runInvoices, w2.postInvoice, review);
            var barrier = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> await(barrier, first));
            var b = CompletableFuture.supplyAsync(() -> await(barrier, second));
            var ticks = java.util.List.of(a.join(), b.join());
            int drafted = ticks.stream().flatMap(t -> t.runs().stream()).mapToInt(r -> r.drafted().size()).sum();
            assertThat(drafted).isEqualTo(accounts.size());
            assertThat(ticks).anyMatch(InvoiceSchedule.Tick::claimed);
            for (var tenant : accounts) {
                var list = w1.invoiceQueries.list(tenant.account().id(), null);
                assertThat(list).hasSize(1);
                assertThat(list.get(0).status()).isEqualTo(InvoiceStatus.DRAFT);
            }

            one.clock.advance(Duration.ofHours(71));
            assertThat(first.tick().posted()).isZero();
            one.clock.advance(Duration.ofHours(2));
            var posting = first.tick();
            assertThat(posting.posted()).isEqualTo(accounts.size());
            assertThat(posting.runs()).allSatisfy(r -> assertThat(r.drafted()).isEmpty());
            var numbers = accounts.stream().map(t -> w1.invoiceQueries.list(t.account().id(), null).get(0).number()).toList();
            assertThat(numbers).containsOnly("INV-000001"); // each master numbers its own invoices
        }
    }

    @Test
    void a_tick_skips_while_another_process_holds_the_claim() {
        try (var server = new TestServer(); var other = server.secondNode()) {
            var w = server.app.wiring();
            var schedule = new InvoiceSchedule(w.db, server.clock, w.runInvoices, w.postInvoice, Duration.ZERO);
            // the other process's session holds the claim
            other.app.wiring().db.withHandle(h -> {
                assertThat(h.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", InvoiceSchedule.LOCK_KEY)
                        .mapTo(Boolean.class).one()).isTrue();
                assertThat(schedule.tick().claimed()).isFalse();
                h.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", InvoiceSchedule.LOCK_KEY).mapTo(Boolean.class).one();
                return null;
            });
            assertThat(schedule.tick().claimed()).isTrue();
        }
    }

    private static InvoiceSchedule.Tick await(CyclicBarrier barrier, InvoiceSchedule schedule) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return schedule.tick();
    }
}
