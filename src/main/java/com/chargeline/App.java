package com.chargeline;

import com.chargeline.api.Http;
import com.chargeline.invoicing.Seller;
import com.chargeline.storage.Storage;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A running Chargeline: storage opened and migrated, everything wired, the HTTP server listening. */
public final class App implements AutoCloseable {
    private final Storage storage;
    private final Wiring wiring;
    private final Javalin http;
    private final JvmGcMetrics gcMetrics;

    private App(Storage storage, Wiring wiring, Javalin http, JvmGcMetrics gcMetrics) {
        this.storage = storage;
        this.wiring = wiring;
        this.http = http;
        this.gcMetrics = gcMetrics;
    }

    /** How to start: where the data is, where to listen, the request-body limit, the clock. */
    public record Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes,
                         Clock clock, Seller seller) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(seller, "seller");
        }

        /** With the default seller block on invoice PDFs. */
        public Config(Storage.Target target, String host, int port, String publicBaseUrl, long maxBodyBytes, Clock clock) {
            this(target, host, port, publicBaseUrl, maxBodyBytes, clock, Seller.DEFAULT);
        }
    }

    public static App start(Config config) {
        return start(config, List.of());
    }

    /** Starts with {@code extra} endpoint groups served next to Chargeline's own (benchmark baselines use this). */
    public static App start(Config config, List<EndpointGroup> extra) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
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
            var wiring = new Wiring(storage.database(), config.clock(), registry, config.publicBaseUrl(),
                    config.seller());
            var groups = new ArrayList<>(wiring.endpointGroups());
            groups.addAll(extra);
            var http = Http.create(wiring.mapper, registry, wiring.bearerAuth, config.maxBodyBytes(), groups);
            http.start(config.host(), config.port());
            return new App(storage, wiring, http, gc);
        } catch (RuntimeException e) {
            storage.close();
            gc.close();
            throw e;
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

    public Wiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        http.stop();
        gcMetrics.close();
        storage.close();
    }
}
