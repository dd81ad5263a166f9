package com.chargeline.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request. {@code auth} names the credential sent (never its value), {@code kind} what the generator
 * did ("valid", "invalid:wrong-type", "hostile:trailing-content", ...), {@code field} where, and {@code expect} what
 * the file (or our rules) demand of the answer. {@code lineHint} is the NDJSON line an error must name, or 0.
 */
record FuzzRequest(String op, String family, String method, String path, String query, Map<String, String> headers,
                   String auth, byte[] body, Expect expect, String kind, String field, int lineHint) {

    enum Expect { ANY, MUST_4XX, MUST_405 }

    String url() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    FuzzRequest with(Expect newExpect, String newKind, String newField) {
        return new FuzzRequest(op, family, method, path, query, headers, auth, body, newExpect, newKind, newField, lineHint);
    }

    FuzzRequest withQuery(String newQuery) {
        return new FuzzRequest(op, family, method, path, newQuery, headers, auth, body, expect, kind, field, lineHint);
    }

    /** A copy with header {@code name} set to {@code value}, or removed when {@code value} is null. */
    FuzzRequest withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new FuzzRequest(op, family, method, path, query, copy, auth, body, expect, kind, field, lineHint);
    }

    /** The request as a reader can replay it: method, URL, headers, body (control bytes escaped, long bodies cut). */
    String describe() {
        var sb = new StringBuilder(method).append(' ').append(abbreviate(url(), 300));
        headers.forEach((k, v) -> sb.append("\n      ").append(k).append(": ").append(v));
        if (auth != null) {
            sb.append("\n      Authorization: ").append(auth);
        }
        if (body != null) {
            sb.append("\n      body (").append(body.length).append(" bytes): ").append(printable(body, 400));
        }
        return sb.toString();
    }

    static String printable(byte[] bytes, int max) {
        var text = new String(bytes, 0, Math.min(bytes.length, max * 2), StandardCharsets.UTF_8);
        var sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c == '\uFFFD') {
                sb.append(String.format("\\x%02x", (int) c == 0xFFFD ? 0xFF : (int) c));
            } else {
                sb.append(c);
            }
        }
        return bytes.length > max ? sb + "…" : sb.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
