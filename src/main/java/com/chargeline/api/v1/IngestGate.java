package com.chargeline.api.v1;

import com.chargeline.common.metrics.Metrics;
import com.chargeline.common.system.CpuPriority;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Ingest's share of the machine: at most {@code concurrency} batches run at once, each on a platform thread of
 * ingest's own, so the request threads (virtual threads on as many carriers as there are cores) stay free for
 * report and plan reads while ingest is busy; those threads run at CPU priority {@code nice} (with ingest's number
 * classification and, on the embedded PostgreSQL, ingest's database backends: {@code IngestUsage}), so that when
 * the cores are all busy the scheduler serves the reads first. A batch that finds every slot taken waits up to
 * {@code wait} in a queue of at most {@code queue} batches; beyond either it is refused, before anything of it is
 * read, with 503 and {@code Retry-After} (the wait, 1 to 5 seconds), and the client sends it again later.
 */
public final class IngestGate implements AutoCloseable {
    private final Limit limit;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ExecutorService workers;
    private final Metrics metrics;

    /**
     * How many batches run at once, how many may wait, how long one waits at most, and the nice value ingest's
     * threads and backends run at (0: the server's own priority; 1 to 19: lower).
     */
    public record Limit(int concurrency, int queue, Duration maxWait, int nice) {
        /** The nice value ingest runs at unless told otherwise. */
        public static final int DEFAULT_NICE = 10;

        public Limit {
            if (concurrency < 1 || queue < 0 || maxWait.isNegative()) {
                throw new IllegalArgumentException("ingest runs at least one batch at a time and waits zero or more: "
                        + concurrency + ", " + queue + ", " + maxWait);
            }
            if (nice < 0 || nice > CpuPriority.MAX_NICE) {
                throw new IllegalArgumentException("ingest's nice value is from 0 to " + CpuPriority.MAX_NICE + ": " + nice);
            }
        }

        /** Half the cores (at least one) at once, twice as many waiting, each up to 10 seconds, at nice 10. */
        public static Limit defaults() {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            return new Limit(cores, 2 * cores, Duration.ofSeconds(10), DEFAULT_NICE);
        }
    }

    public IngestGate(Limit limit, Metrics metrics) {
        this.limit = limit;
        this.slots = new Semaphore(limit.concurrency(), true);
        this.metrics = metrics;
        this.workers = Executors.newFixedThreadPool(limit.concurrency(),
                CpuPriority.threads("chargeline-ingest-", limit.nice()));
        metrics.ingestGauges(() -> limit.concurrency() - slots.availablePermits(), waiting::get);
    }

    /**
     * Runs {@code batch} on an ingest thread once a slot is free and returns what it returned (or throws what it
     * threw); a 503 with {@code Retry-After} when no slot came free in time.
     */
    public <T> T run(Context ctx, Supplier<T> batch) {
        acquire(ctx);
        try {
            var mdc = MDC.getCopyOfContextMap();
            var done = workers.submit(() -> {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    return batch.get();
                } finally {
                    MDC.clear();
                }
            });
            try {
                return done.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                done.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ingesting", e);
            }
        } finally {
            slots.release();
        }
    }

    private void acquire(Context ctx) {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > limit.queue()) {
            waiting.decrementAndGet();
            throw busy(ctx, "queue_full");
        }
        long started = System.nanoTime();
        boolean acquired;
        try {
            acquired = slots.tryAcquire(limit.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ingest", e);
        } finally {
            waiting.decrementAndGet();
        }
        metrics.ingestQueueWait(System.nanoTime() - started);
        if (!acquired) {
            throw busy(ctx, "wait_timeout");
        }
    }

    private ServiceUnavailableResponse busy(Context ctx, String reason) {
        metrics.ingestRefused(reason);
        long retryAfter = Math.clamp(limit.maxWait().toSeconds(), 1, 5);
        ctx.header("Retry-After", Long.toString(retryAfter));
        return new ServiceUnavailableResponse("Ingest is busy: " + limit.concurrency() + " batches are being stored"
                + " and " + limit.queue() + " are waiting. Send this batch again in " + retryAfter + " seconds;"
                + " nothing of it was stored.");
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
