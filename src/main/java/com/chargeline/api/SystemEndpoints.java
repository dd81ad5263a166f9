package com.chargeline.api;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.storage.Database;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code /healthz}, Prometheus {@code /metrics} (unless it has a port of its own; behind a bearer token when there
 * is one), our OpenAPI file and the Swagger UI at {@code /docs}.
 */
public final class SystemEndpoints implements EndpointGroup {
    private final Database db;
    private final PrometheusMeterRegistry registry;
    private final boolean serveMetrics;
    private final String metricsToken;
    private final byte[] openApi;
    private final String docsPage;

    /** {@code metricsToken}: the bearer token {@code /metrics} asks for, or null for none. */
    public SystemEndpoints(Database db, PrometheusMeterRegistry registry, boolean serveMetrics, String metricsToken) {
        this.db = db;
        this.registry = registry;
        this.serveMetrics = serveMetrics;
        this.metricsToken = metricsToken;
        this.openApi = resource("openapi/chargeline.openapi.json");
        var swaggerVersion = buildProperties().getProperty("swagger-ui.version");
        this.docsPage = new String(resource("docs/index.html"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("${swagger-ui.version}", swaggerVersion);
    }

    @Override
    public void addEndpoints() {
        get("/healthz", this::health);
        if (serveMetrics) {
            get("/metrics", ctx -> metrics(ctx, registry, metricsToken));
        }
        get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        get("/docs", ctx -> ctx.html(docsPage));
    }

    /** A Prometheus scrape of {@code registry}; 401 unless the request bears {@code token} (when there is one). */
    public static void metrics(Context ctx, PrometheusMeterRegistry registry, String token) {
        if (token != null) {
            var header = ctx.header("Authorization");
            var expected = ("Bearer " + token).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (header == null || !java.security.MessageDigest.isEqual(expected,
                    header.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new io.javalin.http.UnauthorizedResponse("The metrics need Authorization: Bearer <metrics token>.");
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** The health body. */
    public record Health(String status, String database) {
    }

    private void health(Context ctx) {
        try {
            db.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            ctx.json(new Health("ok", "up"));
        } catch (RuntimeException e) {
            ctx.status(503).json(new Health("unavailable", "down"));
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = SystemEndpoints.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Properties buildProperties() {
        var properties = new Properties();
        try (var in = new java.io.ByteArrayInputStream(resource("chargeline-build.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
