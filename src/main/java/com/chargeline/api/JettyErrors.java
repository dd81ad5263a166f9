package com.chargeline.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Chargeline sees them (a URI or headers too long, a malformed request
 * line) are answered in the Zoom error shape too, not with Jetty's HTML page; under {@code /express}, when Jetty read
 * the path, in the Talkdesk shape.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        var reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
            if (reason == null) {
                reason = http.getReason();
            }
        }
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        var message = switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> "Request URI too long.";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "Request headers too large.";
            default -> reason == null || reason.isBlank() || reason.equalsIgnoreCase("Bad Request")
                    ? "Bad request: the request line, URI or headers cannot be read."
                    : "Bad request: " + reason + ".";
        };
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty closes the connection after a request it refused; say so, as Jetty 11 did, so no client reuses it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        var escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        var json = "{\"code\":" + status + ",\"message\":\"" + escaped + "\"}";
        if (com.chargeline.api.talkdesk.TalkdeskErrors.covers(path(request))) {
            var body = com.chargeline.api.talkdesk.TalkdeskErrors.fromZoom(status,
                    new com.chargeline.api.zoom.ZoomErrors.Body(status, message, java.util.List.of()));
            json = "{\"code\":\"" + body.code() + "\",\"message\":\"" + body.message() + "\",\"description\":\""
                    + escaped + "\",\"fields\":[]}";
        }
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The request's path, or an empty one when Jetty could not read it. */
    private static String path(Request request) {
        try {
            var uri = request.getHttpURI();
            return uri == null || uri.getPath() == null ? "" : uri.getPath();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
