package com.chargeline.api;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON object request body field by field, collecting every type error so that one
 * response names all bad fields (Zoom 400 / 300 "Validation Failed.").
 */
public final class JsonBody {
    public static final String NOT_AN_OBJECT = "Request Body should be a valid JSON object.";
    private final ObjectNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** Parses the request body, which must be a JSON object sent as JSON (or with no content type). */
    public static JsonBody of(Context ctx, ObjectMapper mapper) {
        var contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new Invalid(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Content-Type: " + contentType + ". Send application/json.");
        }
        var bytes = ctx.bodyAsBytes();
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            node = null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new Invalid(ErrorCode.MALFORMED_BODY, NOT_AN_OBJECT);
        }
        return new JsonBody(object);
    }

    public ObjectNode root() {
        return root;
    }

    public boolean has(String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    public String string(String field) {
        var value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "Expected a string."));
            return null;
        }
        return value.asText();
    }

    public String requiredString(String field) {
        var value = string(field);
        if (value == null && !hasError(field)) {
            errors.add(new FieldError(field, "This field is required."));
        }
        return value;
    }

    public Boolean bool(String field) {
        var value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(field, "Expected true or false."));
            return null;
        }
        return value.asBoolean();
    }

    /** A list of strings of at most {@code maxItems}; null when absent. */
    public List<String> strings(String field, int maxItems) {
        var value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "Expected an array of strings."));
            return null;
        }
        var out = new ArrayList<String>();
        for (var item : value) {
            if (!item.isTextual()) {
                errors.add(new FieldError(field, "Expected an array of strings."));
                return null;
            }
            out.add(item.asText());
        }
        if (out.size() > maxItems) {
            errors.add(new FieldError(field, "At most " + maxItems + " items are allowed."));
            return null;
        }
        return out;
    }

    /** A nested object, or an empty one when absent. */
    public JsonBody object(String field) {
        var value = root.get(field);
        if (value == null || value.isNull()) {
            return new JsonBody(root.objectNode());
        }
        if (!value.isObject()) {
            errors.add(new FieldError(field, "Expected an object."));
            return new JsonBody(root.objectNode());
        }
        return new JsonBody((ObjectNode) value);
    }

    /** Records an error found by the caller (an unknown enum value, say). */
    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds the errors of a nested object under {@code prefix.}. */
    public void absorb(String prefix, JsonBody nested) {
        for (var e : nested.errors) {
            errors.add(new FieldError(prefix + "." + e.field(), e.message()));
        }
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws 400 / 300 "Validation Failed." listing every field error found so far. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
    }
}
