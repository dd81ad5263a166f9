package com.chargeline.api.talkdesk;

import com.chargeline.api.zoom.ZoomErrors;
import com.chargeline.common.error.BillingException;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Forbidden;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.error.Unauthorized;
import java.util.List;

/**
 * The Talkdesk error shape of every request under {@code /express}: {@code {"code", "message", "description",
 * "fields": [{"name", "description"}]}} (Talkdesk Billing Insights documents it for 400, 401, 403 and 404; we use it for
 * every status). {@code message} is the HTTP reason phrase, {@code description} says what went wrong, {@code fields} names
 * the bad request parameters (empty otherwise).
 *
 * <p>Talkdesk does not document its code values. Ours are seven digits: {@code 0}, the HTTP status, then a
 * three-digit reason within that status. {@code 0400001} invalid request (the fields say which), {@code 0401001}
 * missing, malformed, expired or revoked access token, {@code 0403001} the token lacks the operation's scope,
 * {@code 0403002} an account not under the caller's organization, {@code 0403003} an operation the caller's account
 * kind may not use, {@code 0404001} not found, {@code 0405001} method not allowed, {@code 0409001} conflict,
 * {@code 0413001} body too large, {@code 0415001} unsupported media type, {@code 0500001} internal error (the request
 * id, never a stack trace); any other status {@code 0<status>001}.
 */
public final class TalkdeskErrors {
    private TalkdeskErrors() {
    }

    /** One bad request parameter. */
    public record Field(String name, String description) {
    }

    /** The body of a Talkdesk error response. */
    public record Body(String code, String message, String description, List<Field> fields) {
        public Body {
            fields = List.copyOf(fields);
        }
    }

    /** Whether {@code path} is in the Talkdesk family. */
    public static boolean covers(String path) {
        return path.equals("/express") || path.startsWith("/express/");
    }

    public static int status(BillingException e) {
        return switch (e) {
            case NotFound n -> 404;
            case Invalid i -> 400;
            case Conflict c -> 409;
            case Unauthorized u -> u.code() == ErrorCode.MISSING_SCOPE ? 403 : 401;
            case Forbidden f -> 403;
        };
    }

    public static Body body(BillingException e) {
        int status = status(e);
        var fields = e.fieldErrors().stream().map(f -> new Field(f.field(), f.message())).toList();
        return switch (e.code()) {
            case INVALID_TOKEN -> body(status, 1, "Missing, malformed, expired or revoked access token.", List.of());
            case MISSING_SCOPE -> body(status, 1, "The access token does not contain the scope " + e.arg("scopes") + ".",
                    List.of());
            case ACCOUNT_OUTSIDE_ORGANIZATION -> body(status, 2, e.getMessage(),
                    List.of(new Field("account_id", "not under the organization")));
            default -> body(status, status == 403 ? 3 : 1, e.getMessage(), fields);
        };
    }

    /** A Zoom-shaped error the HTTP layer built (404 route, 405, 413, 500, ...) in Talkdesk's shape. */
    public static Body fromZoom(int status, ZoomErrors.Body zoom) {
        return body(status, 1, zoom.message(), zoom.errors() == null ? List.of()
                : zoom.errors().stream().map((FieldError f) -> new Field(f.field(), f.message())).toList());
    }

    private static Body body(int status, int reason, String description, List<Field> fields) {
        return new Body(String.format("0%03d%03d", status, reason), reason(status), description, fields);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
