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

/** {@code /healthz}, Prometheus {@code /metrics}, our OpenAPI file and the Swagger UI at {@code /docs}. */
public final class SystemEndpoints implements EndpointGroup {
    private final Database db;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;
    private final String docsPage;

    public SystemEndpoints(Database db, PrometheusMeterRegistry registry) {
        this.db = db;
        this.registry = registry;
        this.openApi = resource("openapi/chargeline.openapi.json");
        var swaggerVersion = buildProperties().getProperty("swagger-ui.version");
        this.docsPage = new String(resource("docs/index.html"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("${swagger-ui.version}", swaggerVersion);
    }

    @Override
    public void addEndpoints() {
        get("/healthz", this::health);
        get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        get("/docs", ctx -> ctx.html(docsPage));
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

    static Properties buildProperties() {
        var properties = new Properties();
        try (var in = new java.io.ByteArrayInputStream(resource("chargeline-build.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
