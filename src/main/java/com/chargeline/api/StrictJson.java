package com.chargeline.api;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads request bodies without guessing: exactly one JSON value (content after it is an error, not
 * ignored), no repeated keys (Jackson would keep the last one), nesting within Jackson's limit of
 * 1000 levels, valid UTF-8. A body that breaks any of these is a 400 naming the line and column,
 * never a 2xx for the part that could be read; lenient parsing is data loss.
 */
public final class StrictJson {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private StrictJson() {
    }

    /** The one JSON value of {@code body}, or null for an empty (or blank) body. */
    public static JsonNode read(byte[] body, ObjectMapper mapper) {
        requireUtf8(body);
        return read(body, 0, body.length, 0, mapper);
    }

    /**
     * The one JSON value of {@code body[offset, offset + length)}, which starts on line {@code lineBase + 1} of the
     * request body (NDJSON reads each line on its own but reports the body's line numbers). The caller has checked
     * the bytes with {@link #requireUtf8}: Jackson alone lets some malformed UTF-8 through.
     */
    public static JsonNode read(byte[] body, int offset, int length, int lineBase, ObjectMapper mapper) {
        try {
            return read(mapper.createParser(body, offset, length), lineBase, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses bytes that are not UTF-8 (see {@link #utf8(byte[])}); an ASCII body, the common case for call
     * records, is UTF-8 by construction and costs one scan.
     */
    public static void requireUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                utf8(bytes);
                return;
            }
        }
    }

    private static JsonNode read(JsonParser created, int lineBase, ObjectMapper mapper) {
        try (JsonParser parser = created) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node;
            try {
                node = mapper.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body exceeds a parser limit"
                        + (e.getOriginalMessage().contains("nesting") ? ": it nests deeper than 1000 levels" : "")
                        + at(e.getLocation(), lineBase) + ".");
            } catch (JsonProcessingException e) {
                throw new Invalid(ErrorCode.MALFORMED_BODY, describe(e) + at(e.getLocation(), lineBase) + ".");
            }
            if (node == null || node.isMissingNode()) {
                return null;
            }
            JsonLocation after = parser.currentLocation();
            boolean trailing;
            try {
                trailing = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                trailing = true;
            }
            if (trailing) {
                throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body has content after its JSON value"
                        + at(after, lineBase) + "; send one JSON value.");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as text, refusing bytes that are not UTF-8 (a lenient decoder would replace them silently). */
    public static String utf8(Context ctx) {
        return utf8(ctx.bodyAsBytes());
    }

    /**
     * {@code bytes} decoded as UTF-8 without a leading byte-order mark; anything that is not UTF-8 (a stray
     * byte, an overlong form such as C0 80 for NUL, an encoded surrogate, UTF-16) is a 400 naming its line.
     */
    public static String utf8(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length);
        var result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body is not valid UTF-8 (line " + line + ", byte "
                    + (in.position() + 1) + ").");
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    private static String describe(JsonProcessingException e) {
        var message = e.getOriginalMessage();
        var duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            return "Request Body repeats the key \"" + duplicate.group(1) + "\"";
        }
        int cut = message.indexOf('\n');
        return "Request Body is not valid JSON: " + (cut < 0 ? message : message.substring(0, cut));
    }

    private static String at(JsonLocation location, int lineBase) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + (location.getLineNr() + lineBase) + ", column " + location.getColumnNr() + ")";
    }
}
