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
import com.chargeline.common.metrics.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
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
    /** Why a request failed (4xx, 5xx), for its access line. */
    private static final String REASON = "chargeline.reason";
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
                ctx.attribute(REASON, reason(e));
                if (TalkdeskErrors.covers(ctx.path())) {
                    writeJson(ctx, mapper, TalkdeskErrors.status(e), TalkdeskErrors.body(e));
                    return;
                }
                writeError(ctx, mapper, ZoomErrors.status(e), ZoomErrors.body(e));
            });
            routes.exception(RateLimited.class, (e, ctx) -> {
                ctx.attribute(REASON, e.getMessage());
                writeError(ctx, mapper, 429, new ZoomErrors.Body(429, e.getMessage(), List.of()));
            });
            routes.exception(OAuthEndpoints.OAuthError.class, (e, ctx) -> {
                ctx.attribute(REASON, e.getMessage());
                ctx.status(e.status()).json(new OAuthEndpoints.ErrorBody(e.getMessage(), e.error()));
            });
            routes.exception(ClientCredentialsGrant.TokenError.class, (e, ctx) -> {
                ctx.attribute(REASON, e.getMessage());
                ctx.status(e.status()).json(e.body());
            });
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
                LOG.error("unhandled error on {} {}", methodName(ctx), ctx.path(), e);
                ctx.attribute(REASON, "unhandled " + e.getClass().getName());
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
        if (ctx.attribute(REASON) == null) {
            ctx.attribute(REASON, zoom.message());
        }
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

    /** A client error's reason for the access line: its message and its first field errors. */
    private static String reason(BillingException e) {
        var reason = new StringBuilder(e.code().name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                .append(e.getMessage());
        e.fieldErrors().stream().limit(3).forEach(f -> reason.append(' ').append(f.field()).append(": ")
                .append(f.message()));
        if (e.fieldErrors().size() > 3) {
            reason.append(" (").append(e.fieldErrors().size() - 3).append(" more)");
        }
        return reason.toString();
    }

    /**
     * Times the request into the {@code http.server.requests} histogram and writes its access line: INFO, with the
     * reason of a 4xx; ERROR for a 5xx.
     */
    private static void finish(Context ctx, MeterRegistry registry) {
        Long started = ctx.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        var route = endpoint == null || endpoint.path.isEmpty() ? "unmatched" : endpoint.path;
        int status = ctx.statusCode();
        Metrics.timer(Metrics.HTTP_REQUESTS)
                .tag("method", methodName(ctx))
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!ctx.path().equals("/metrics") && !ctx.path().equals("/healthz")) {
            var caller = BearerAuth.authenticated(ctx);
            var line = (status >= 500 ? ACCESS.atError() : ACCESS.atInfo())
                    .addKeyValue("request_id", ctx.res().getHeader("X-Request-Id"))
                    .addKeyValue("method", methodName(ctx))
                    .addKeyValue("route", route)
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6))
                    .addKeyValue("account_id", caller == null ? "-" : caller.accountId().wire())
                    .addKeyValue("client_id", caller == null ? "-" : caller.clientId());
            if (status >= 400) {
                line = line.addKeyValue("reason", failure(ctx));
            }
            line.log(status >= 500 ? "request failed" : status >= 400 ? "request refused" : "request");
        }
        MDC.remove("request_id");
    }

    /** Why the request failed: as an error handler recorded it, else the start of the body it answered. */
    private static String failure(Context ctx) {
        String reason = ctx.attribute(REASON);
        if (reason != null) {
            return reason;
        }
        var body = ctx.result();
        return body == null || body.isEmpty() ? "-" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
