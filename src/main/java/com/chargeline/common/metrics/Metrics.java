package com.chargeline.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Chargeline's own meters, by name, in one place: what {@code /metrics} shows an operator (README, "Metrics").
 * Micrometer names here become Prometheus names with dots as underscores, {@code _total} after counters and
 * {@code _seconds} after timers. Every timer is a Prometheus histogram with the buckets of {@link #BUCKETS}, so a
 * p95 or p99 is a {@code histogram_quantile} away. Tag values are from small fixed sets (a route template, never a
 * path; a reason code, never a message).
 */
public final class Metrics {
    /** HTTP requests: tags {@code method}, {@code route} (the template, "unmatched" when none), {@code status}. */
    public static final String HTTP_REQUESTS = "http.server.requests";
    /** Usage records in ingest requests that reached validation: tag {@code kind} (call, message). */
    public static final String RECORDS_RECEIVED = "chargeline.usage.records.received";
    /** Records stored: tag {@code kind}. */
    public static final String RECORDS_ACCEPTED = "chargeline.usage.records.accepted";
    /** Records already stored under their id (a re-send), changed nothing: tag {@code kind}. */
    public static final String RECORDS_DUPLICATE = "chargeline.usage.records.duplicate";
    /**
     * Records not stored because their batch was refused: tags {@code kind} and {@code reason} (the field that broke a
     * rule, e.g. {@code end_time}; {@code batch_rejected} for the records of a refused batch that broke none;
     * {@code too_many_records}).
     */
    public static final String RECORDS_REJECTED = "chargeline.usage.records.rejected";
    /** Records stored with a rating error: tags {@code kind} and {@code reason} (no_rate, invalid_number, other). */
    public static final String RATING_ERRORS = "chargeline.rating.errors";
    /** One phase of an ingest batch: tags {@code kind} and {@code phase} (see {@link Phase}). */
    public static final String INGEST_PHASE = "chargeline.ingest.phase";
    /** A whole ingest batch, validation to commit: tag {@code kind}. */
    public static final String INGEST_BATCH = "chargeline.ingest.batch";
    /** Ingest batches running now (gauge). */
    public static final String INGEST_ACTIVE = "chargeline.ingest.active";
    /** Ingest batches waiting for a slot now (gauge). */
    public static final String INGEST_WAITING = "chargeline.ingest.waiting";
    /** How long a batch waited for a slot (timer). */
    public static final String INGEST_QUEUE_WAIT = "chargeline.ingest.queue.wait";
    /** Ingest batches refused with 503 because every slot stayed busy: tag {@code reason} (queue_full, wait_timeout). */
    public static final String INGEST_REFUSED = "chargeline.ingest.refused";
    /** Requests refused by a rate limit: tag {@code label} (light, medium, heavy, resource_intensive, ...). */
    public static final String RATE_LIMITED = "chargeline.ratelimit.rejections";
    /** Long operations (import, rerate, invoice_run): timer with tags {@code operation} and {@code outcome}. */
    public static final String OPERATION = "chargeline.operation";
    /** Items an operation has done so far: tags {@code operation} and {@code item} (records, calls, invoices, ...). */
    public static final String OPERATION_PROGRESS = "chargeline.operation.progress";
    /** Always 1, tags {@code version} and {@code commit} of the running build. */
    public static final String BUILD_INFO = "chargeline.build.info";

    /** Histogram buckets of every timer: 1 ms to 60 s. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** The timed phases of an ingest batch, in order. */
    public enum Phase {
        /** The batch's rules, before anything is read. */
        VALIDATE,
        /** The account's context and the batch's partitions. */
        PREPARE,
        /** Claiming the ids (finding the duplicates), with the wait for the numbers' classification. */
        CLAIM,
        /** Rating the records (their rows sent to COPY as they are rated). */
        RATE,
        /** Finishing the COPY: PostgreSQL storing the rows not yet stored. */
        COPY,
        /** Adding the batch's rollups and drawn minutes. */
        ROLLUPS,
        /** The commit. */
        COMMIT;

        private final String tag = name().toLowerCase(java.util.Locale.ROOT);

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere (a command that is not scraped, a test of something else). */
    public static Metrics discarding() {
        return new Metrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A timer with the histogram buckets of every Chargeline timer. */
    public static Timer.Builder timer(String name) {
        return Timer.builder(name).serviceLevelObjectives(BUCKETS);
    }

    public void received(String kind, int count) {
        counter(RECORDS_RECEIVED, "kind", kind).increment(count);
    }

    public void accepted(String kind, int count) {
        counter(RECORDS_ACCEPTED, "kind", kind).increment(count);
    }

    public void duplicates(String kind, int count) {
        counter(RECORDS_DUPLICATE, "kind", kind).increment(count);
    }

    public void rejected(String kind, String reason, int count) {
        Counter.builder(RECORDS_REJECTED).tag("kind", kind).tag("reason", reason).register(registry).increment(count);
    }

    public void ratingError(String kind, String reason) {
        Counter.builder(RATING_ERRORS).tag("kind", kind).tag("reason", reason).register(registry).increment();
    }

    public void phase(String kind, Phase phase, long nanos) {
        timer(INGEST_PHASE).tag("kind", kind).tag("phase", phase.tag()).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void batch(String kind, long nanos) {
        timer(INGEST_BATCH).tag("kind", kind).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The hook of rate limiting: one request refused (429) under the limit {@code label}. Counted as
     * {@code chargeline_ratelimit_rejections_total{label="..."}}.
     */
    public void rateLimited(String label) {
        counter(RATE_LIMITED, "label", label).increment();
    }

    public void ingestRefused(String reason) {
        counter(INGEST_REFUSED, "reason", reason).increment();
    }

    public void ingestQueueWait(long nanos) {
        timer(INGEST_QUEUE_WAIT).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Registers the ingest gauges, read from {@code active} and {@code waiting}. */
    public void ingestGauges(Supplier<Number> active, Supplier<Number> waiting) {
        Gauge.builder(INGEST_ACTIVE, active).strongReference(true).register(registry);
        Gauge.builder(INGEST_WAITING, waiting).strongReference(true).register(registry);
    }

    /** {@code count} more items done by a running {@code operation}. */
    public void progress(String operation, String item, long count) {
        Counter.builder(OPERATION_PROGRESS).tag("operation", operation).tag("item", item).register(registry)
                .increment((double) count);
    }

    /** A finished operation: how long it took and whether it succeeded ("ok") or failed ("error"). */
    public void operation(String operation, boolean ok, long nanos) {
        timer(OPERATION).tag("operation", operation).tag("outcome", ok ? "ok" : "error").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Starts timing a long {@code operation} (import, rerate, invoice_run): see {@link Running}. */
    public Running start(String operation) {
        return new Running(operation, System.nanoTime());
    }

    /**
     * A long operation under way: {@link #progress} counts what it has done as it goes (an operator sees the rate of
     * {@code chargeline_operation_progress_total}), {@link #finish} records its duration once, with its outcome.
     */
    public final class Running {
        private final String operation;
        private final long started;
        private long nanos = -1;

        private Running(String operation, long started) {
            this.operation = operation;
            this.started = started;
        }

        public void progress(String item, long count) {
            Metrics.this.progress(operation, item, count);
        }

        /** Records the duration (the first call only) and returns it in milliseconds. */
        public long finish(boolean ok) {
            if (nanos < 0) {
                nanos = System.nanoTime() - started;
                operation(operation, ok, nanos);
            }
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }

    /** The build info gauge: 1, with the build's version and commit as tags. */
    public void buildInfo(String version, String commit) {
        Gauge.builder(BUILD_INFO, () -> 1).tag("version", version).tag("commit", commit).strongReference(true)
                .register(registry);
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
