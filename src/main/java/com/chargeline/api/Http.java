package com.chargeline.api;

import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.OAuthEndpoints;
import com.chargeline.api.zoom.ZoomErrors;
import com.chargeline.common.error.BillingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Javalin server: request ids, bearer authentication for the Zoom family, one error mapping per
 * API family, metrics and access logs, in that order, then the endpoint groups.
 */
public final class Http {
    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("chargeline.access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String STARTED = "chargeline.started";

    private Http() {
    }

    public static Javalin create(ObjectMapper mapper, MeterRegistry registry, BearerAuth bearer, long maxBodyBytes,
                                 List<EndpointGroup> groups) {
        var app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.staticFiles.enableWebjars();
            config.router.ignoreTrailingSlashes = true;
            config.router.apiBuilder(() -> groups.forEach(EndpointGroup::addEndpoints));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        });
        app.before(Http::assignRequestId);
        app.before(NulGuard::check);
        app.before("/v2/*", bearer::authenticate);
        app.before("/api/v1/accounts/*", bearer::authenticate);
        app.after(ctx -> finish(ctx, registry));

        app.exception(BillingException.class, (e, ctx) -> {
            LOG.debug("{} {} -> {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            writeError(ctx, mapper, ZoomErrors.status(e), ZoomErrors.body(e));
        });
        app.exception(OAuthEndpoints.OAuthError.class, (e, ctx) -> ctx.status(e.status())
                .json(new OAuthEndpoints.ErrorBody(e.getMessage(), e.error())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                // RFC 9110 §15.5.6: a 405 lists the methods the resource does support.
                e.getDetails().entrySet().stream().filter(d -> d.getKey().equalsIgnoreCase("availableMethods")
                        || d.getKey().equalsIgnoreCase("Available methods")).findFirst()
                        .ifPresent(d -> ctx.header("Allow", d.getValue()));
            }
            writeError(ctx, mapper, e.getStatus(),
                    new ZoomErrors.Body(e.getStatus() == 413 ? 300 : e.getStatus(), httpMessage(ctx, e), List.of()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            writeError(ctx, mapper, 500, new ZoomErrors.Body(500,
                    "Internal server error. Request id: " + ctx.res().getHeader("X-Request-Id") + ".", List.of()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                writeError(ctx, mapper, 404, new ZoomErrors.Body(404,
                        "No such endpoint: " + ctx.method() + " " + ctx.path() + ".", List.of()));
            }
        });
        app.error(405, ctx -> {
            if (ctx.result() == null) {
                writeError(ctx, mapper, 405, new ZoomErrors.Body(405,
                        "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".", List.of()));
            }
        });
        return app;
    }

    private static String httpMessage(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "Request body too large.";
            case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path() + ".";
            case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
            default -> e.getMessage();
        };
    }

    /**
     * Writes an error in the shape of the request's family: the token endpoint answers every error as OAuth does
     * ({@code {reason, error}}), everything else in the Zoom shape.
     */
    private static void writeError(Context ctx, ObjectMapper mapper, int status, ZoomErrors.Body zoom) {
        Object body = zoom;
        if (ctx.path().equals("/oauth/token") || ctx.path().equals("/oauth/token/")) {
            var reason = zoom.errors().isEmpty() ? zoom.message() : zoom.errors().get(0).field() + ": "
                    + zoom.errors().get(0).message();
            body = new OAuthEndpoints.ErrorBody(reason,
                    status >= 500 ? "server_error" : status == 401 ? "invalid_client" : "invalid_request");
        }
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write error body", e);
        }
    }

    private static void assignRequestId(Context ctx) {
        var incoming = ctx.header("X-Request-Id");
        var id = incoming != null && REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.header("X-Request-Id", id);
        ctx.attribute(STARTED, System.nanoTime());
        MDC.put("request_id", id);
    }

    private static void finish(Context ctx, MeterRegistry registry) {
        Long started = ctx.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!ctx.path().equals("/metrics") && !ctx.path().equals("/healthz")) {
            ACCESS.info("method={} path={} status={} duration_ms={}", ctx.method(), ctx.path(), status,
                    String.format("%.2f", nanos / 1e6));
        }
        MDC.remove("request_id");
    }
}
