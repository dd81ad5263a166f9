package com.chargeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.chargeline.common.system.CpuPriority;
import com.chargeline.testing.ProcStat;
import com.chargeline.testing.TestPostgres;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Bulk work runs at a lower CPU priority: the bulk pool's backends (children of the embedded postmaster) and the
 * threads of {@link CpuPriority#threads}, read back from {@code /proc}; the main pool's backends keep the server's.
 */
class BulkPoolTest {
    @Test
    void the_bulk_pools_backends_run_at_the_lower_priority_and_the_main_pools_do_not() {
        assumeLinux();
        var db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null, TestPostgres.postmasterPid());
        try {
            var bulk = db.bulk(13);
            assertThat(db.bulk(13)).isSameAs(bulk);
            assertThatThrownBy(() -> db.bulk(12)).isInstanceOf(IllegalStateException.class);
            long serverNice = nice(TestPostgres.postmasterPid());
            // several backends at once, so the pool opens more than one connection, and each of them is lowered
            var pids = new java.util.HashSet<Long>();
            bulk.inTransaction(a -> {
                pids.add(backend(a));
                // another thread, so another handle: the pool opens a second connection while this one is taken
                pids.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> bulk.withHandle(BulkPoolTest::backend))
                        .join());
                return null;
            });
            assertThat(pids).hasSize(2);
            for (long pid : pids) {
                assertThat(nice(pid)).as("bulk backend %d", pid).isEqualTo(13);
            }
            // a connection handed out again keeps its priority; the main pool's are left alone
            assertThat(nice(bulk.withHandle(BulkPoolTest::backend))).isEqualTo(13);
            long main = db.withHandle(BulkPoolTest::backend);
            assertThat(pids).doesNotContain(main);
            assertThat(nice(main)).isEqualTo(serverNice);
        } finally {
            db.close();
        }
    }

    @Test
    void without_a_postmaster_on_this_machine_or_with_nice_0_bulk_work_runs_on_the_main_pool() {
        var external = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
        var embedded = Database.connect(TestPostgres.newDatabase(), "postgres", null, null, TestPostgres.postmasterPid());
        try {
            assertThat(external.bulk(10)).isSameAs(external);
            assertThat(embedded.bulk(0)).isSameAs(embedded);
        } finally {
            external.close();
            embedded.close();
        }
    }

    @Test
    void threads_of_the_factory_run_at_their_nice_value_and_others_do_not() throws Exception {
        assumeLinux();
        long own = threadNice();
        var pool = Executors.newSingleThreadExecutor(CpuPriority.threads("bulk-test-", 11));
        var plain = Executors.newSingleThreadExecutor(CpuPriority.threads("plain-test-", 0));
        try {
            assertThat(pool.submit(BulkPoolTest::threadNice).get()).isEqualTo(11);
            assertThat(pool.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("bulk-test-1");
            assertThat(plain.submit(BulkPoolTest::threadNice).get()).isEqualTo(own);
            assertThat(threadNice()).isEqualTo(own);
        } finally {
            pool.shutdown();
            plain.shutdown();
        }
    }

    private static long backend(org.jdbi.v3.core.Handle h) {
        return h.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one();
    }

    private static void assumeLinux() {
        assumeThat(ProcStat.available()).as("a Linux /proc").isTrue();
    }

    private static long nice(long pid) {
        return ProcStat.nice(pid);
    }

    private static long threadNice() {
        return ProcStat.threadNice();
    }
}
