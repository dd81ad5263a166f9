package com.chargeline;

import com.chargeline.api.Http;
import com.chargeline.storage.Storage;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Objects;

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
                         Clock clock) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(clock, "clock");
        }
    }

    public static App start(Config config) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        var storage = Storage.open(config.target(), registry);
        try {
            var wiring = new Wiring(storage.database(), config.clock(), registry, config.publicBaseUrl());
            var http = Http.create(wiring.mapper, registry, wiring.bearerAuth, config.maxBodyBytes(),
                    wiring.endpointGroups());
            http.start(config.host(), config.port());
            return new App(storage, wiring, http, gc);
        } catch (RuntimeException e) {
            storage.close();
            gc.close();
            throw e;
        }
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
