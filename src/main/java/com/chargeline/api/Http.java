package com.chargeline.api;

import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.ClientCredentialsGrant;
import com.chargeline.api.auth.OAuthEndpoints;
import com.chargeline.api.limits.RateLimited;
import com.chargeline.api.talkdesk.TalkdeskErrors;
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
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Javalin server: request ids, bearer authentication for the Zoom and Talkdesk families, one error mapping per
 * API family, metrics and access logs, in that order, then the endpoint groups.
 */
public final class Http {
    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("chargeline.access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String STARTED = "chargeline.started";
    private static final java.util.Set<String> STANDARD_METHODS =
            java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "TRACE", "CONNECT", "OPTIONS");

    private Http() {
    }

    public static Javalin create(ObjectMapper mapper, MeterRegistry registry, BearerAuth bearer, long maxBodyBytes,
                                 List<EndpointGroup> groups) {
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.staticFiles.enableWebjars();
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // Javalin's LEGACY URI compliance still refuses a path with bad UTF-8 on Jetty 12; Jetty 11 decoded it
            // and the routes answered (401, 404, ...), so allow that one violation too.
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                    http.getUriCompliance().with("chargeline", UriCompliance.Violation.BAD_UTF8_ENCODING)));
            var routes = config.routes;
            routes.apiBuilder(() -> groups.forEach(EndpointGroup::addEndpoints));
            routes.before(Http::assignRequestId);
            routes.before(NulGuard::check);
            routes.before("/v2/*", bearer::authenticate);
            routes.before("/api/v1/accounts/*", bearer::authenticate);
            routes.before("/api/download/*", bearer::authenticate);
            routes.before("/express/*", bearer::authenticate);
            routes.after(ctx -> finish(ctx, registry));

            routes.exception(BillingException.class, (e, ctx) -> {
                LOG.debug("{} {} -> {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
                if (TalkdeskErrors.covers(ctx.path())) {
                    writeJson(ctx, mapper, TalkdeskErrors.status(e), TalkdeskErrors.body(e));
                    return;
                }
                writeError(ctx, mapper, ZoomErrors.status(e), ZoomErrors.body(e));
            });
            routes.exception(RateLimited.class, (e, ctx) -> writeError(ctx, mapper, 429,
                    new ZoomErrors.Body(429, e.getMessage(), List.of())));
            routes.exception(OAuthEndpoints.OAuthError.class, (e, ctx) -> ctx.status(e.status())
                    .json(new OAuthEndpoints.ErrorBody(e.getMessage(), e.error())));
            routes.exception(ClientCredentialsGrant.TokenError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 405) {
                    // RFC 9110 §15.5.6: a 405 lists the methods the resource does support.
                    e.getDetails().entrySet().stream().filter(d -> d.getKey().equalsIgnoreCase("availableMethods")
                            || d.getKey().equalsIgnoreCase("Available methods")).findFirst()
                            .ifPresent(d -> ctx.header("Allow", d.getValue()));
                }
                writeError(ctx, mapper, e.getStatus(),
                        new ZoomErrors.Body(e.getStatus() == 413 ? 300 : e.getStatus(), httpMessage(ctx, e), List.of()));
            });
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                writeError(ctx, mapper, 500, new ZoomErrors.Body(500,
                        "Internal server error. Request id: " + ctx.res().getHeader("X-Request-Id") + ".", List.of()));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    writeError(ctx, mapper, 404, new ZoomErrors.Body(404,
                            "No such endpoint: " + methodName(ctx) + " " + ctx.path() + ".", List.of()));
                }
            });
            routes.error(405, ctx -> {
                if (ctx.result() == null) {
                    writeError(ctx, mapper, 405, new ZoomErrors.Body(405,
                            "Method " + methodName(ctx) + " is not allowed on " + ctx.path() + ".", List.of()));
                }
            });
        });
    }

    /** The request's method as error messages name it: one HTTP does not define is {@code INVALID}, as it always was. */
    private static String methodName(Context ctx) {
        var name = ctx.method().name();
        return STANDARD_METHODS.contains(name) ? name : "INVALID";
    }

    private static String httpMessage(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "Request body too large.";
            case 404 -> "No such endpoint: " + methodName(ctx) + " " + ctx.path() + ".";
            case 405 -> "Method " + methodName(ctx) + " is not allowed on " + ctx.path() + ".";
            default -> e.getMessage();
        };
    }

    /**
     * Writes an error in the shape of the request's family: the token endpoint answers every error as OAuth does
     * ({@code {reason, error}}), the Talkdesk family ({@code /express}) in Talkdesk's, everything else in the Zoom shape.
     */
    private static void writeError(Context ctx, ObjectMapper mapper, int status, ZoomErrors.Body zoom) {
        Object body = zoom;
        if (TalkdeskErrors.covers(ctx.path())) {
            body = TalkdeskErrors.fromZoom(status, zoom);
        } else if (ctx.path().equals("/oauth/token") || ctx.path().equals("/oauth/token/")) {
            var reason = zoom.errors().isEmpty() ? zoom.message() : zoom.errors().get(0).field() + ": "
                    + zoom.errors().get(0).message();
            body = new OAuthEndpoints.ErrorBody(reason,
                    status >= 500 ? "server_error" : status == 401 ? "invalid_client" : "invalid_request");
        }
        writeJson(ctx, mapper, status, body);
    }

    private static void writeJson(Context ctx, ObjectMapper mapper, int status, Object body) {
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
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        var route = endpoint == null ? null : endpoint.path;
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", methodName(ctx))
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!ctx.path().equals("/metrics") && !ctx.path().equals("/healthz")) {
            ACCESS.info("method={} path={} status={} duration_ms={}", methodName(ctx), ctx.path(), status,
                    String.format("%.2f", nanos / 1e6));
        }
        MDC.remove("request_id");
    }
}
