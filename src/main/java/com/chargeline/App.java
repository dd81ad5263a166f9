package com.chargeline;

import com.chargeline.api.Http;
import com.chargeline.api.SystemEndpoints;
import com.chargeline.api.limits.RateRules;
import com.chargeline.api.v1.IngestGate;
import com.chargeline.invoicing.InvoiceSchedule;
import com.chargeline.invoicing.Seller;
import com.chargeline.storage.Storage;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running Chargeline: storage opened and migrated, everything wired, the HTTP server listening. */
public final class App implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);
    private final Storage storage;
    private final Wiring wiring;
    private final Javalin http;
    private final Javalin metricsHttp;
    private final JvmGcMetrics gcMetrics;
    private final ScheduledExecutorService background;

    private App(Storage storage, Wiring wiring, Javalin http, Javalin metricsHttp, JvmGcMetrics gcMetrics,
                ScheduledExecutorService background) {
        this.storage = storage;
        this.wiring = wiring;
        this.http = http;
        this.metricsHttp = metricsHttp;
        this.gcMetrics = gcMetrics;
        this.background = background;
    }

    /**
     * How to start: where the data is, where to listen, the request-body limit, the clock, how often the
     * background worker writes pending invoice reports ({@code null}: never, as tests and benchmarks start it; they
     * call {@code InvoiceReportWorker.runPending()} themselves), the automatic invoicing, the seller block and the
     * rate-limit rules ({@code null}: no rate limits, as tests and benchmarks start it).
     */
    public record Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes,
                         Clock clock, Duration reportWorkerEvery, AutoInvoicing invoicing, Seller seller,
                         RateRules rateLimits, Operations operations) {
        /** What {@code serve} and {@code demo} use: a pending report is picked up within two seconds. */
        public static final Duration REPORT_WORKER_EVERY = Duration.ofSeconds(2);

        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(invoicing, "invoicing");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(operations, "operations");
            if (reportWorkerEvery != null && (reportWorkerEvery.isNegative() || reportWorkerEvery.isZero())) {
                throw new IllegalArgumentException("reportWorkerEvery must be positive: " + reportWorkerEvery);
            }
        }

        /** A configuration without rate limits. */
        public Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes, Clock clock,
                      Duration reportWorkerEvery, AutoInvoicing invoicing, Seller seller) {
            this(target, host, port, publicBaseUrl, maxBodyBytes, clock, reportWorkerEvery, invoicing, seller, null,
                    Operations.DEFAULT);
        }

        /** This configuration with the rate limits of {@code rules} (null: off). */
        public Config withRateLimits(RateRules rules) {
            return new Config(target, host, port, publicBaseUrl, maxBodyBytes, clock, reportWorkerEvery, invoicing, seller,
                    rules, operations);
        }

        /** A configuration with the report worker, without automatic invoicing, with the default seller block. */
        public Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes, Clock clock,
                      Duration reportWorkerEvery) {
            this(target, host, port, publicBaseUrl, maxBodyBytes, clock, reportWorkerEvery, AutoInvoicing.OFF,
                    Seller.DEFAULT, null, Operations.DEFAULT);
        }

        /** A configuration without background work, with the default seller block on invoice PDFs. */
        public Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes, Clock clock) {
            this(target, host, port, publicBaseUrl, maxBodyBytes, clock, null, AutoInvoicing.OFF, Seller.DEFAULT,
                    null, Operations.DEFAULT);
        }

        /** This configuration with {@code operations}. */
        public Config with(Operations operations) {
            return new Config(target, host, port, publicBaseUrl, maxBodyBytes, clock, reportWorkerEvery, invoicing,
                    seller, rateLimits, operations);
        }
    }

    /**
     * How the server is run: ingest's share of the machine ({@link IngestGate}), the port {@code /metrics} is served
     * on ({@code -1}: the API's own; {@code 0}: any free one) and the bearer token it asks for (null: none).
     */
    public record Operations(IngestGate.Limit ingest, int metricsPort, String metricsToken) {
        public static final Operations DEFAULT = new Operations(IngestGate.Limit.defaults(), -1, null);

        public Operations {
            Objects.requireNonNull(ingest, "ingest");
            if (metricsPort < -1 || metricsPort > 65535) {
                throw new IllegalArgumentException("the metrics port is -1 (the API's), or 0 to 65535: " + metricsPort);
            }
            if (metricsToken != null && metricsToken.isBlank()) {
                throw new IllegalArgumentException("a metrics token is not blank");
            }
        }
    }

    /**
     * The automatic invoicing of {@code serve}: every {@code every}, run the months just closed and post the Drafts
     * older than {@code review} ({@link InvoiceSchedule}).
     */
    public record AutoInvoicing(boolean enabled, Duration every, Duration review) {
        public static final AutoInvoicing OFF = new AutoInvoicing(false, Duration.ofMinutes(10), Duration.ofDays(3));

        public AutoInvoicing {
            if (!every.isPositive() || review.isNegative()) {
                throw new IllegalArgumentException("invoicing runs every positive interval after a review of zero or more");
            }
        }
    }

    public static App start(Config config) {
        return start(config, List.of());
    }

    /** Starts with {@code extra} endpoint groups served next to Chargeline's own (benchmark baselines use this). */
    public static App start(Config config, List<EndpointGroup> extra) {
        long starting = System.nanoTime();
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmInfoMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        // Start-up budget (serve <= 3 s, docs/BENCHMARKS.md): PostgreSQL starts and migrations run in
        // their own thread while this one loads the HTTP stack's classes.
        var opening = CompletableFuture.supplyAsync(() -> Storage.open(config.target(), registry),
                command -> Thread.ofPlatform().name("chargeline-storage-open").start(command));
        preloadHttpClasses();
        Storage storage;
        try {
            storage = opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try {
            var ops = config.operations();
            var wiring = new Wiring(storage.database(), config.clock(), registry, config.publicBaseUrl(),
                    config.seller(), config.rateLimits(), ops);
            var build = SystemEndpoints.buildProperties();
            wiring.metrics.buildInfo(build.getProperty("version", "unknown"), commit(build));
            var groups = new ArrayList<>(wiring.endpointGroups());
            groups.addAll(extra);
            var http = Http.create(wiring.mapper, registry, wiring.bearerAuth, config.maxBodyBytes(), groups);
            http.start(config.host(), config.port());
            Javalin metricsHttp = null;
            if (ops.metricsPort() >= 0) {
                EndpointGroup metrics = () -> io.javalin.apibuilder.ApiBuilder.get("/metrics",
                        ctx -> SystemEndpoints.metrics(ctx, registry, ops.metricsToken()));
                metricsHttp = Http.create(wiring.mapper, registry, wiring.bearerAuth, 1024, List.of(metrics));
                metricsHttp.start(config.host(), ops.metricsPort());
            }
            LOG.atInfo().addKeyValue("port", http.port())
                    .addKeyValue("metrics_port", metricsHttp == null ? http.port() : metricsHttp.port())
                    .addKeyValue("version", build.getProperty("version", "unknown"))
                    .addKeyValue("commit", commit(build))
                    .addKeyValue("ingest_concurrency", ops.ingest().concurrency())
                    .addKeyValue("duration_ms", (System.nanoTime() - starting) / 1_000_000)
                    .log("chargeline started");
            return new App(storage, wiring, http, metricsHttp, gc, startBackground(wiring, config));
        } catch (RuntimeException e) {
            storage.close();
            gc.close();
            throw e;
        }
    }

    /** The build's commit, or "unknown" for a build from outside a git checkout. */
    private static String commit(java.util.Properties build) {
        var commit = build.getProperty("commit", "");
        return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
    }

    /**
     * The background work of a serving process, or null when there is none: the invoice report worker and the
     * automatic invoicing, each on its own daemon thread so a long invoice run does not hold reports back.
     */
    private static ScheduledExecutorService startBackground(Wiring wiring, Config config) {
        var every = config.reportWorkerEvery();
        var auto = config.invoicing();
        if (every == null && !auto.enabled()) {
            return null;
        }
        var executor = Executors.newScheduledThreadPool(2,
                command -> Thread.ofPlatform().daemon().name("chargeline-background").unstarted(command));
        if (every != null) {
            var unused = executor.scheduleWithFixedDelay(() -> {
                try {
                    wiring.invoiceReportWorker.runPending(() -> !executor.isShutdown());
                } catch (RuntimeException e) {
                    // a database outage, say: the reports stay pending and the next run tries again
                    LOG.warn("invoice report worker: {}", e.toString());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (auto.enabled()) {
            var schedule = new InvoiceSchedule(wiring.db, config.clock(), wiring.runInvoices, wiring.postInvoice,
                    auto.review());
            var unused = executor.scheduleWithFixedDelay(() -> invoice(schedule, auto), 5, auto.every().toSeconds(),
                    TimeUnit.SECONDS);
        }
        return executor;
    }

    private static void invoice(InvoiceSchedule schedule, AutoInvoicing auto) {
        try {
            var tick = schedule.tick();
            tick.runs().stream().filter(r -> !r.drafted().isEmpty()).forEach(r -> LOG.info(
                    "invoice run {}: {} drafted", r.month(), r.drafted().size()));
            if (tick.posted() > 0) {
                LOG.info("posted {} invoices after their review period", tick.posted());
            }
        } catch (RuntimeException e) {
            // the run is idempotent: the next tick picks up where this one stopped
            LOG.error("automatic invoicing failed; it runs again in {}", auto.every(), e);
        }
    }

    /** Loads (and statically initialises) the classes the HTTP server needs, off the database's path. */
    private static void preloadHttpClasses() {
        for (var name : new String[] {"io.javalin.Javalin", "org.eclipse.jetty.server.Server",
                "org.eclipse.jetty.ee10.servlet.ServletContextHandler", "io.javalin.json.JavalinJackson",
                "com.fasterxml.jackson.databind.ObjectMapper", "com.nimbusds.jose.crypto.MACSigner",
                "com.nimbusds.jwt.SignedJWT"}) {
            try {
                Class.forName(name, true, App.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("missing class " + name, e);
            }
        }
        com.chargeline.Wiring.objectMapper();
    }

    public int port() {
        return http.port();
    }

    /** The port /metrics is served on: its own (--metrics-port) or the API's. */
    public int metricsPort() {
        return metricsHttp == null ? http.port() : metricsHttp.port();
    }

    public Wiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        LOG.atInfo().addKeyValue("port", http.port()).log("chargeline stopping");
        long stopping = System.nanoTime();
        http.stop();
        if (metricsHttp != null) {
            metricsHttp.stop();
        }
        wiring.ingestGate.close();
        if (background != null) {
            // lets a report being written or an invoice being drafted finish (its transaction commits); what is left
            // stays pending for the next start
            background.shutdown();
            try {
                if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                    background.shutdownNow();
                }
            } catch (InterruptedException e) {
                background.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        gcMetrics.close();
        storage.close();
        LOG.atInfo().addKeyValue("duration_ms", (System.nanoTime() - stopping) / 1_000_000).log("chargeline stopped");
    }
}
