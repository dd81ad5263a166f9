package com.chargeline.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules OpenAPI 3.0.3 (§4.7.24, Schema Object) sets for the keywords of every Schema Object of a
 * document, which swagger-parser 2.1 does not check: only the keywords 3.0 knows, {@code type} one
 * of its six names, {@code exclusiveMaximum}/{@code exclusiveMinimum} booleans beside
 * {@code maximum}/{@code minimum}, {@code nullable} only beside {@code type}, {@code items} with
 * every array, numbers where numbers belong, {@code required} and {@code enum} not empty, patterns
 * that compile, and nothing beside a {@code $ref}.
 */
final class SchemaObjectRules {
    private static final Set<String> KEYWORDS = Set.of("title", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
            "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties",
            "minProperties", "required", "enum", "type", "allOf", "oneOf", "anyOf", "not", "items", "properties",
            "additionalProperties", "description", "format", "default", "nullable", "discriminator", "readOnly",
            "writeOnly", "xml", "externalDocs", "example", "deprecated");
    private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "object", "string");
    private static final List<String> COUNTS = List.of("maxLength", "minLength", "maxItems", "minItems", "maxProperties",
            "minProperties");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private SchemaObjectRules() {
    }

    /** Every broken rule, as {@code <where>: <what>}; empty when the document keeps them all. */
    static List<String> check(JsonNode doc) {
        var out = new ArrayList<String>();
        var components = doc.path("components");
        components.path("schemas").properties().forEach(e -> schema(e.getValue(), "#/components/schemas/" + e.getKey(), out));
        components.path("parameters").properties().forEach(e -> schema(e.getValue().path("schema"),
                "#/components/parameters/" + e.getKey(), out));
        components.path("responses").properties().forEach(e -> response(e.getValue(), "#/components/responses/" + e.getKey(), out));
        components.path("requestBodies").properties().forEach(e -> content(e.getValue().path("content"),
                "#/components/requestBodies/" + e.getKey(), out));
        doc.path("paths").properties().forEach(path -> {
            var at = "paths." + path.getKey();
            parameters(path.getValue().path("parameters"), at, out);
            for (var method : METHODS) {
                var op = path.getValue().path(method);
                if (op.isObject()) {
                    parameters(op.path("parameters"), at + "." + method, out);
                    content(op.path("requestBody").path("content"), at + "." + method + ".requestBody", out);
                    op.path("responses").properties().forEach(r -> response(r.getValue(),
                            at + "." + method + ".responses." + r.getKey(), out));
                }
            }
        });
        return out;
    }

    private static void parameters(JsonNode parameters, String at, List<String> out) {
        for (var p : parameters) {
            schema(p.path("schema"), at + ".parameters." + p.path("name").asText(), out);
        }
    }

    private static void response(JsonNode response, String at, List<String> out) {
        content(response.path("content"), at, out);
        response.path("headers").properties().forEach(h -> schema(h.getValue().path("schema"), at + ".headers." + h.getKey(), out));
    }

    private static void content(JsonNode content, String at, List<String> out) {
        content.properties().forEach(media -> schema(media.getValue().path("schema"), at + "." + media.getKey(), out));
    }

    private static void schema(JsonNode s, String at, List<String> out) {
        if (s.isMissingNode()) {
            return;
        }
        if (!s.isObject()) {
            out.add(at + ": a Schema Object must be an object");
            return;
        }
        if (s.has("$ref")) {
            if (s.size() > 1) {
                out.add(at + ": keywords beside $ref are ignored in 3.0");
            }
            return;
        }
        keywords(s, at, out);
        s.path("properties").properties().forEach(p -> schema(p.getValue(), at + ".properties." + p.getKey(), out));
        schema(s.path("items"), at + ".items", out);
        if (s.path("additionalProperties").isObject()) {
            schema(s.path("additionalProperties"), at + ".additionalProperties", out);
        }
        schema(s.path("not"), at + ".not", out);
        for (var combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (s.has(combinator) && (!s.get(combinator).isArray() || s.get(combinator).isEmpty())) {
                out.add(at + ": " + combinator + " must be a non-empty array");
            }
            var i = 0;
            for (var part : s.path(combinator)) {
                schema(part, at + "." + combinator + "[" + i++ + "]", out);
            }
        }
    }

    private static void keywords(JsonNode s, String at, List<String> out) {
        s.fieldNames().forEachRemaining(k -> {
            if (!KEYWORDS.contains(k) && !k.startsWith("x-")) {
                out.add(at + ": " + k + " is not a keyword of OpenAPI 3.0");
            }
        });
        if (s.has("type") && !(s.get("type").isTextual() && TYPES.contains(s.get("type").asText()))) {
            out.add(at + ": type " + s.get("type").asText(s.get("type").toString()) + " is not one of " + TYPES);
        }
        if ("array".equals(s.path("type").asText()) && !s.has("items")) {
            out.add(at + ": an array needs items");
        }
        exclusive(s, at, "exclusiveMaximum", "maximum", out);
        exclusive(s, at, "exclusiveMinimum", "minimum", out);
        for (var k : List.of("maximum", "minimum", "multipleOf")) {
            if (s.has(k) && !s.get(k).isNumber()) {
                out.add(at + ": " + k + " must be a number");
            }
        }
        if (s.has("multipleOf") && s.get("multipleOf").asDouble() <= 0) {
            out.add(at + ": multipleOf must be above 0");
        }
        for (var k : COUNTS) {
            if (s.has(k) && !(s.get(k).isIntegralNumber() && s.get(k).asLong() >= 0)) {
                out.add(at + ": " + k + " must be a non-negative integer");
            }
        }
        for (var k : List.of("nullable", "uniqueItems", "readOnly", "writeOnly", "deprecated")) {
            if (s.has(k) && !s.get(k).isBoolean()) {
                out.add(at + ": " + k + " must be a boolean");
            }
        }
        if (s.path("nullable").asBoolean(false) && !s.has("type")) {
            out.add(at + ": nullable without type has no effect in 3.0.3");
        }
        if (s.has("required")) {
            var names = new HashSet<String>();
            var required = s.get("required");
            if (!required.isArray() || required.isEmpty()) {
                out.add(at + ": required must be a non-empty array");
            }
            required.forEach(r -> {
                if (!r.isTextual() || !names.add(r.asText())) {
                    out.add(at + ": required must hold unique names");
                }
            });
        }
        if (s.has("enum") && (!s.get("enum").isArray() || s.get("enum").isEmpty())) {
            out.add(at + ": enum must be a non-empty array");
        }
        if (s.has("additionalProperties") && !s.get("additionalProperties").isBoolean() && !s.get("additionalProperties").isObject()) {
            out.add(at + ": additionalProperties must be a boolean or a schema");
        }
        if (s.has("pattern")) {
            try {
                Pattern.compile(s.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                out.add(at + ": pattern does not compile: " + e.getDescription());
            }
        }
    }

    private static void exclusive(JsonNode s, String at, String exclusive, String bound, List<String> out) {
        if (!s.has(exclusive)) {
            return;
        }
        if (!s.get(exclusive).isBoolean()) {
            out.add(at + ": " + exclusive + " must be a boolean in 3.0 (the bound goes in " + bound + ")");
        } else if (!s.has(bound)) {
            out.add(at + ": " + exclusive + " without " + bound);
        }
    }
}
