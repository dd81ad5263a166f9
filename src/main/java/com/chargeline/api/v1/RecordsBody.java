package com.chargeline.api.v1;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.time.UtcTimes;
import com.chargeline.usage.ingest.CallValidation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a batch of usage records: a JSON array ({@code application/json}) or one JSON object per
 * line ({@code application/x-ndjson}). Type errors are collected per record and field.
 */
final class RecordsBody {
    private final List<JsonNode> records;
    private final List<FieldError> errors = new ArrayList<>();

    private RecordsBody(List<JsonNode> records) {
        this.records = records;
    }

    static RecordsBody read(Context ctx, ObjectMapper mapper) {
        var type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        var bytes = ctx.bodyAsBytes();
        try {
            if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson")) {
                var nodes = new ArrayList<JsonNode>();
                var lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        nodes.add(mapper.readTree(lines[i]));
                    }
                    if (nodes.size() > CallValidation.MAX_RECORDS) {
                        break;
                    }
                }
                return checked(nodes);
            }
            if (type.startsWith("application/json")) {
                var node = bytes.length == 0 ? null : mapper.readTree(bytes);
                if (node == null || !node.isArray()) {
                    throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body should be a JSON array of records.");
                }
                var nodes = new ArrayList<JsonNode>(node.size());
                node.forEach(nodes::add);
                return checked(nodes);
            }
        } catch (JsonProcessingException e) {
            throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new Invalid(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: " + (type.isEmpty() ? "none" : type)
                + ". Send application/json (an array) or application/x-ndjson.");
    }

    private static RecordsBody checked(List<JsonNode> nodes) {
        CallValidation.requireSize(nodes.size());
        var body = new RecordsBody(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isObject()) {
                body.errors.add(new FieldError("records[" + i + "]", "Must be a JSON object."));
            }
        }
        return body;
    }

    int size() {
        return records.size();
    }

    String string(int i, String field) {
        var v = records.get(i).get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(at(i, field), "Expected a string."));
            return null;
        }
        return v.asText();
    }

    Long integer(int i, String field) {
        var v = records.get(i).get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            errors.add(new FieldError(at(i, field), "Expected a whole number."));
            return null;
        }
        return v.asLong();
    }

    boolean bool(int i, String field) {
        var v = records.get(i).get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(at(i, field), "Expected true or false."));
            return false;
        }
        return v.asBoolean();
    }

    Instant time(int i, String field) {
        var raw = string(i, field);
        if (raw == null) {
            return null;
        }
        try {
            return UtcTimes.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at(i, field), "'" + raw + "' is not an ISO-8601 date-time with a zone (2026-11-24T10:15:30Z)."));
            return null;
        }
    }

    void check() {
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
    }

    private static String at(int i, String field) {
        return "records[" + i + "]." + field;
    }
}
