package com.chargeline.api;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store the NUL character in text or jsonb, so a request carrying one (a raw 0
 * byte, a JSON {@code \u0000} escape, or {@code %00} in a query parameter) is refused up front with a
 * validation error naming where it is, instead of failing in the database.
 */
public final class NulGuard {
    private NulGuard() {
    }

    static void check(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            if (values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw refused(name);
            }
        });
        var type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean json = type.isEmpty() || type.startsWith("application/json") || type.contains("ndjson");
        // CSV uploads are streamed by their handlers (reading them here would consume the stream); their parsers
        // refuse control characters themselves.
        if (!json || ctx.contentLength() == 0 || "GET".equals(ctx.method().name())) {
            return;
        }
        if (hasNul(ctx.bodyAsBytes())) {
            throw refused("body");
        }
    }

    /** For bodies a handler reads itself (CSV uploads): refuses {@code text} when it holds a NUL. */
    public static void requireNone(String text, String where) {
        if (text.indexOf('\0') >= 0) {
            throw refused(where);
        }
    }

    /** A raw 0 byte, or a {@code \u0000} escape preceded by an odd number of backslashes. */
    static boolean hasNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == 0) {
                return true;
            }
            if (b == 'u' && i >= 1 && body[i - 1] == '\\' && i + 4 < body.length && body[i + 1] == '0' && body[i + 2] == '0'
                    && body[i + 3] == '0' && body[i + 4] == '0') {
                int slashes = 0;
                for (int k = i - 1; k >= 0 && body[k] == '\\'; k--) {
                    slashes++;
                }
                if (slashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Invalid refused(String where) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError(where, "Must not contain NUL characters.")));
    }
}
