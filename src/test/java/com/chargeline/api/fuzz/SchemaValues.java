package com.chargeline.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Instances of a (fully resolved) schema of our OpenAPI file: valid ones that honour required, enum, format,
 * minimum/maximum, min/maxLength, pattern and maxItems, and single mutations the file says are invalid.
 * Field values prefer the fixture's own data (by property name) so that valid requests often pass the business
 * rules too and reach the database.
 */
final class SchemaValues {
    /** Candidates for a value a schema's pattern refuses; the first that the pattern does not match is used. */
    private static final List<String> PATTERN_BREAKERS = List.of("ab-1234567", "", "   ", "<b>", "a;b", "x@y", "#1",
            "ab cd", "+1 (415)", "12345678901234567890123456789012345678901234567890123456789012345");
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Map<String, List<String>> hints;

    /** {@code hints}: realistic values by property name; {@code {n}} in a hint becomes a random number. */
    SchemaValues(Map<String, List<String>> hints) {
        this.hints = hints;
    }

    /** A mutation the file calls invalid: what was done, to which field, and the mutated instance. */
    record Mutation(String kind, String field, JsonNode body) {
    }

    JsonNode valid(Schema<?> schema, String name, Random r) {
        return valid(schema, name, r, false);
    }

    /** A valid instance; {@code minimal}: objects carry their required properties only. */
    JsonNode valid(Schema<?> schema, String name, Random r, boolean minimal) {
        if (schema == null) {
            return NODES.textNode("x");
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && r.nextInt(6) == 0) {
            return NODES.nullNode();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return toNode(schema.getEnum().get(r.nextInt(schema.getEnum().size())));
        }
        var type = type(schema);
        switch (type) {
            case "object" -> {
                var object = NODES.objectNode();
                var props = properties(schema);
                var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
                for (var e : props.entrySet()) {
                    if (required.contains(e.getKey()) || !minimal && r.nextInt(3) > 0) {
                        object.set(e.getKey(), valid(e.getValue(), e.getKey(), r, minimal));
                    }
                }
                for (var req : required) {
                    if (!object.has(req)) {
                        object.put(req, hint(req, r, "x"));
                    }
                }
                return object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                int max = schema.getMaxItems() == null ? 3 : Math.min(3, schema.getMaxItems());
                int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
                int n = minimal ? Math.max(1, min) : min + r.nextInt(Math.max(1, max - min + 1));
                for (int i = 0; i < n; i++) {
                    array.add(valid(schema.getItems(), name, r, minimal));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(intIn(schema, name, r));
            }
            case "number" -> {
                var value = BigDecimal.valueOf(intIn(schema, name, r)).add(BigDecimal.valueOf(r.nextInt(100), 2));
                return NODES.numberNode(tooHigh(schema) == null ? value : value.min(BigDecimal.valueOf(max(schema))));
            }
            case "boolean" -> {
                return NODES.booleanNode(r.nextBoolean());
            }
            case "string" -> {
                return NODES.textNode(string(schema, name, r));
            }
            default -> {
                return NODES.textNode(hint(name, r, "opaque"));
            }
        }
    }

    /** Every single-step mutation of {@code body} (valid for {@code schema}) that makes it invalid by the file. */
    List<Mutation> mutations(Schema<?> schema, JsonNode body, Random r) {
        var out = new ArrayList<Mutation>();
        collect(schema, body, body, new ArrayList<>(), out, r);
        var root = type(schema);
        if (root.equals("object")) {
            out.add(new Mutation("wrong-type", "(body)", NODES.arrayNode().add(body)));
        } else if (root.equals("array")) {
            out.add(new Mutation("wrong-type", "(body)", body.size() > 0 ? body.get(0) : NODES.objectNode()));
        }
        return out;
    }

    private void collect(Schema<?> schema, JsonNode root, JsonNode node, List<Object> at, List<Mutation> out, Random r) {
        if (schema == null || node == null || node.isNull()) {
            return;
        }
        var type = type(schema);
        if (type.equals("object") && node.isObject()) {
            var props = properties(schema);
            var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
            for (var req : required) {
                if (node.has(req)) {
                    out.add(new Mutation("drop-required", name(at, req), with(root, at, req, null)));
                }
            }
            if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                out.add(new Mutation("unknown-property", name(at, "fuzz_unknown"),
                        with(root, at, "fuzz_unknown", NODES.textNode("x"))));
            }
            for (var e : props.entrySet()) {
                var field = e.getKey();
                for (var bad : violations(e.getValue(), r)) {
                    out.add(new Mutation(bad.kind(), name(at, field), with(root, at, field, bad.body())));
                }
                if (node.has(field)) {
                    var deeper = new ArrayList<>(at);
                    deeper.add(field);
                    collect(e.getValue(), root, node.get(field), deeper, out, r);
                }
            }
        } else if (type.equals("array") && node.isArray() && node.size() > 0) {
            for (var bad : violations(schema.getItems(), r)) {
                out.add(new Mutation(bad.kind(), name(at, 0), with(root, at, 0, bad.body())));
            }
            var deeper = new ArrayList<>(at);
            deeper.add(0);
            collect(schema.getItems(), root, node.get(0), deeper, out, r);
        }
    }

    private static String name(List<Object> at, Object last) {
        var sb = new StringBuilder();
        for (var segment : at) {
            sb.append(segment instanceof Integer i ? "[" + i + "]" : (sb.isEmpty() ? "" : ".") + segment);
        }
        sb.append(last instanceof Integer i ? "[" + i + "]" : (sb.isEmpty() ? "" : ".") + last);
        return sb.toString();
    }

    /** A copy of {@code root} with {@code key} of the container at {@code at} set to {@code value} (removed when null). */
    private static JsonNode with(JsonNode root, List<Object> at, Object key, JsonNode value) {
        var copy = root.deepCopy();
        JsonNode container = copy;
        for (var segment : at) {
            container = segment instanceof Integer i ? container.get(i) : container.get((String) segment);
        }
        if (container instanceof ArrayNode array) {
            array.set((Integer) key, value == null ? NODES.nullNode() : value);
        } else if (value == null) {
            ((ObjectNode) container).remove((String) key);
        } else {
            ((ObjectNode) container).set((String) key, value);
        }
        return copy;
    }

    /** Values that break {@code schema} on their own: wrong type, null, range, length, enum, pattern, format. */
    private List<Mutation> violations(Schema<?> schema, Random r) {
        var out = new ArrayList<Mutation>();
        if (schema == null) {
            return out;
        }
        var type = type(schema);
        if (type.equals("opaque")) {
            return out;
        }
        if (!Boolean.TRUE.equals(schema.getNullable())) {
            out.add(new Mutation("null", "", NODES.nullNode()));
        }
        out.add(new Mutation("wrong-type", "", switch (type) {
            case "string" -> r.nextBoolean() ? NODES.numberNode(12) : NODES.booleanNode(true);
            case "integer" -> List.<JsonNode>of(NODES.textNode("7"), NODES.numberNode(1.5), NODES.booleanNode(false)).get(r.nextInt(3));
            case "number" -> NODES.textNode("1.0");
            case "boolean" -> r.nextBoolean() ? NODES.textNode("true") : NODES.numberNode(1);
            case "array" -> NODES.textNode("a,b");
            default -> NODES.arrayNode();
        }));
        if (tooHigh(schema) != null) {
            out.add(new Mutation("above-maximum", "", number(type, tooHigh(schema))));
        }
        if (schema.getMinimum() != null) {
            out.add(new Mutation("below-minimum", "", number(type, schema.getMinimum().subtract(BigDecimal.ONE))));
        }
        if (schema.getMaxLength() != null) {
            out.add(new Mutation("over-maxLength", "", NODES.textNode("z".repeat(schema.getMaxLength() + 1 + r.nextInt(5)))));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            out.add(new Mutation("under-minLength", "", NODES.textNode("Zz9".substring(0, Math.min(3, schema.getMinLength() - 1)))));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            out.add(new Mutation("not-in-enum", "", type.equals("integer") ? NODES.numberNode(987) : NODES.textNode("fuzz_value")));
        }
        if (schema.getPattern() != null) {
            var pattern = java.util.regex.Pattern.compile(schema.getPattern());
            PATTERN_BREAKERS.stream().filter(v -> !pattern.matcher(v).find()).findFirst()
                    .ifPresent(v -> out.add(new Mutation("pattern-mismatch", "", NODES.textNode(v))));
        }
        if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
            out.add(new Mutation("bad-format", "", NODES.textNode(r.nextBoolean() ? "2026-13-45" : "yesterday")));
        }
        if (type.equals("array") && schema.getMaxItems() != null && schema.getMaxItems() < 2000) {
            var many = NODES.arrayNode();
            for (int i = 0; i <= schema.getMaxItems(); i++) {
                many.add("i" + i);
            }
            out.add(new Mutation("over-maxItems", "", many));
        }
        return out;
    }

    private String string(Schema<?> schema, String name, Random r) {
        if ("date-time".equals(schema.getFormat())) {
            return String.format("2026-11-%02dT%02d:%02d:%02dZ", 10 + r.nextInt(14), r.nextInt(10), r.nextInt(60), r.nextInt(60));
        }
        if ("date".equals(schema.getFormat())) {
            return String.format("2026-%02d-%02d", 11 + r.nextInt(2), 1 + r.nextInt(28));
        }
        if (schema.getPattern() != null && schema.getPattern().equals("^[0-9]{1,6}$")) {
            var digits = hint(name, r, String.valueOf(r.nextInt(999_999)));
            return digits.matches("[0-9]{1,6}") ? digits : "1001";
        }
        var value = hint(name, r, null);
        if (value == null) {
            value = r.nextInt(4) == 0 ? "Fuzz \u00e9\u00e8 \u2603 " + r.nextInt(1000) : "fuzz" + r.nextInt(100_000);
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        while (value.length() < min) {
            value = value + "Qx7";
        }
        if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
            value = value.substring(0, schema.getMaxLength());
        }
        return value;
    }

    private long intIn(Schema<?> schema, String name, Random r) {
        long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
        long max = tooHigh(schema) == null ? min + 100 : tooHigh(schema).longValue() - 1;
        var hinted = hint(name, r, null);
        if (hinted != null && hinted.matches("-?[0-9]+")) {
            long h = Long.parseLong(hinted);
            if (h >= min && h <= max) {
                return h;
            }
        }
        return r.nextInt(4) == 0 ? (r.nextBoolean() ? min : max) : min + (long) (r.nextDouble() * (max - min + 1));
    }

    String hint(String name, Random r, String fallback) {
        var values = name == null ? null : hints.get(name);
        return values == null || values.isEmpty() ? fallback
                : values.get(r.nextInt(values.size())).replace("{n}", Integer.toString(r.nextInt(1_000_000)));
    }

    /**
     * The smallest value above the range: {@code maximum} + 1, or the exclusive bound itself (3.0's boolean
     * {@code exclusiveMaximum} with {@code maximum}, or a numeric {@code exclusiveMaximum} as the file now writes it).
     */
    static BigDecimal tooHigh(Schema<?> schema) {
        if (schema.getExclusiveMaximumValue() != null) {
            return schema.getExclusiveMaximumValue();
        }
        if (schema.getMaximum() == null) {
            return null;
        }
        return Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? schema.getMaximum() : schema.getMaximum().add(BigDecimal.ONE);
    }

    private static long max(Schema<?> schema) {
        return tooHigh(schema).longValue() - 1;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Map<String, Schema<?>> properties(Schema<?> schema) {
        Map raw = schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
        return (Map<String, Schema<?>>) raw;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "opaque";
    }

    private static JsonNode number(String type, BigDecimal value) {
        return type.equals("integer") ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value);
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof Number n) {
            return n instanceof Integer || n instanceof Long ? NODES.numberNode(n.longValue()) : NODES.numberNode(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(String.valueOf(value));
    }
}
