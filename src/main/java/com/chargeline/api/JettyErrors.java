package com.chargeline.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before Chargeline sees them (a URI or headers too long, a malformed request
 * line) are answered in the Zoom error shape too, not with Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        var message = switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> "Request URI too long.";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "Request headers too large.";
            default -> reason == null || reason.isBlank() || reason.equalsIgnoreCase("Bad Request")
                    ? "Bad request: the request line, URI or headers cannot be read."
                    : "Bad request: " + reason + ".";
        };
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        var json = "{\"code\":" + status + ",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }
}
