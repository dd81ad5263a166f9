package com.chargeline.api;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON object request body field by field, collecting every type error so that one
 * response names all bad fields (Zoom 400 / 300 "Validation Failed.").
 *
 * <p>The two families differ only in what they do with fields they do not know: the Zoom family
 * ({@link #of}) ignores them, as Zoom does; the native family ({@link #closed}) refuses them, so a
 * misspelt field is an error instead of a silently missing value. In both, a JSON {@code null} is
 * refused wherever the field is not declared nullable (Zoom's request schemas declare none).
 */
public final class JsonBody {
    public static final String NOT_AN_OBJECT = "Request Body should be a valid JSON object.";
    private final ObjectNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** A Zoom-family body: a JSON object sent as JSON (or with no content type); unknown fields are ignored. */
    public static JsonBody of(Context ctx, ObjectMapper mapper) {
        ObjectNode root;
        try {
            root = object(ctx, mapper);
        } catch (Invalid e) {
            if (e.code() != ErrorCode.MALFORMED_BODY || e.getMessage().equals(NOT_AN_OBJECT)) {
                throw e;
            }
            // Zoom's documented message for a malformed body, with where it broke as the one field error.
            throw new Invalid(ErrorCode.MALFORMED_BODY, NOT_AN_OBJECT, Map.of(), List.of(new FieldError("body", e.getMessage())));
        }
        var body = new JsonBody(root);
        body.refuseNulls(body.root, "", Set.of());
        return body;
    }

    /**
     * A native-API body: a JSON object whose fields are all among {@code fields}; {@code nullable} lists
     * the fields that may be {@code null}.
     */
    public static JsonBody closed(Context ctx, ObjectMapper mapper, Set<String> fields, Set<String> nullable) {
        return closed(object(ctx, mapper), fields, nullable);
    }

    /** {@link #closed(Context, ObjectMapper, Set, Set)} for an object nested in a body the caller has read. */
    public static JsonBody closed(ObjectNode node, Set<String> fields, Set<String> nullable) {
        var body = new JsonBody(node);
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                body.errors.add(new FieldError(name, "Unknown field."));
            }
        });
        body.refuseNulls(node, "", nullable);
        return body;
    }

    /** The request's JSON, read strictly (see {@link StrictJson}); the content type must be JSON when given. */
    public static JsonNode parse(Context ctx, ObjectMapper mapper) {
        var contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Invalid(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Content-Type: " + contentType + ". Send application/json.");
        }
        return StrictJson.read(ctx.bodyAsBytes(), mapper);
    }

    private static ObjectNode object(Context ctx, ObjectMapper mapper) {
        if (!(parse(ctx, mapper) instanceof ObjectNode object)) {
            throw new Invalid(ErrorCode.MALFORMED_BODY, NOT_AN_OBJECT);
        }
        return object;
    }

    private void refuseNulls(JsonNode node, String path, Set<String> nullable) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                var name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isNull() && !nullable.contains(name)) {
                    errors.add(new FieldError(name, "Must not be null; leave the field out instead."));
                }
                refuseNulls(e.getValue(), name, nullable);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var name = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    errors.add(new FieldError(name, "Must not be null."));
                }
                refuseNulls(node.get(i), name, nullable);
            }
        }
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

    /** {@code field} as a whole number that fits an int; null when absent. */
    public Integer integer(String field) {
        return integer(root, field, field);
    }

    /** {@code field} of {@code node}, a part of this body named {@code name} in errors, as an int; null when absent. */
    public Integer integer(JsonNode node, String field, String name) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(name, "Expected a whole number."));
            return null;
        }
        return value.intValue();
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

    /** The errors found so far (for a caller that reports them under its own prefix). */
    public List<FieldError> errors() {
        return List.copyOf(errors);
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
