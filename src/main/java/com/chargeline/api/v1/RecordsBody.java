package com.chargeline.api.v1;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.api.StrictJson;
import com.chargeline.common.time.UtcTimes;
import com.chargeline.usage.ingest.CallValidation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson")) {
            return checked(ndjson(bytes, mapper));
        }
        if (type.startsWith("application/json")) {
            var node = StrictJson.read(bytes, mapper);
            if (node == null || !node.isArray()) {
                throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body should be a JSON array of records.");
            }
            var nodes = new ArrayList<JsonNode>(node.size());
            node.forEach(nodes::add);
            return checked(nodes);
        }
        throw new Invalid(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: " + (type.isEmpty() ? "none" : type)
                + ". Send application/json (an array) or application/x-ndjson.");
    }

    /**
     * One JSON value per line; blank lines are skipped. Each line is read on its own (so two objects on one line
     * are an error, not two records) and errors name the line of the body.
     */
    private static List<JsonNode> ndjson(byte[] bytes, ObjectMapper mapper) {
        StrictJson.requireUtf8(bytes);
        var nodes = new ArrayList<JsonNode>();
        int line = 0;
        for (int from = 0; from < bytes.length && nodes.size() <= CallValidation.MAX_RECORDS; line++) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            var node = StrictJson.read(bytes, from, to - from, line, mapper);
            if (node != null) {
                nodes.add(node);
            }
            from = to + 1;
        }
        return nodes;
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

    /**
     * Refuses fields outside {@code known}: a misspelt optional field would otherwise be read as "not given" and
     * rate the record differently from what the client meant.
     */
    void requireKnown(Set<String> known) {
        for (int i = 0; i < records.size(); i++) {
            int index = i;
            records.get(i).fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    errors.add(new FieldError(at(index, name), "Unknown field."));
                }
            });
        }
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

    /** A whole number that fits an int (segment counts, lengths); null when absent. */
    Integer smallInteger(int i, String field) {
        var v = records.get(i).get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(new FieldError(at(i, field), "Expected a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + "."));
            return null;
        }
        return v.intValue();
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
