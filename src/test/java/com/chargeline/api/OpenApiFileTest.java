package com.chargeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our OpenAPI file (as served at /api/v1/openapi.json) is valid OpenAPI 3.0.3: swagger-parser reads it
 * without a message, every Schema Object keeps the keyword rules of 3.0 (which swagger-parser 2.1 does
 * not check, see {@link SchemaObjectRules}); each check is shown to fail on a broken copy. It also
 * keeps the file's own rules: one declared tag and an operationId per operation, the 4xx answers every
 * family shares, and the request-body rules of each family (Zoom: unknown properties ignored, nothing
 * nullable; native: unknown properties refused, nullable only for the optional fields of usage records).
 */
class OpenApiFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "/openapi/chargeline.openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Where the official OpenAPI 3.0 schema (https://spec.openapis.org/oas/3.0/schema/...) is looked for. */

    static String file() {
        try (InputStream in = OpenApiFileTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parserMessages(String json) {
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        var messages = new ArrayList<String>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("not parsed");
        }
        return messages;
    }

    @Test
    void swagger_parser_reports_nothing_about_our_file() {
        assertThat(tree(file()).path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(parserMessages(file())).isEmpty();
    }

    @Test
    void swagger_parser_reports_the_mistakes_it_knows_in_a_broken_copy() {
        var danglingRef = file().replaceFirst("#/components/schemas/CallRecord\"", "#/components/schemas/NoSuchRecord\"");
        assertThat(parserMessages(danglingRef)).anySatisfy(m -> assertThat(m).contains("NoSuchRecord"));
        var unknownField = file().replaceFirst("\"openapi\": \"3.0.3\",", "\"openapi\": \"3.0.3\", \"swagger\": \"2.0\",");
        assertThat(parserMessages(unknownField)).anySatisfy(m -> assertThat(m).contains("swagger"));
    }

    /*
     * swagger-parser 2.1 does not check the keywords of Schema Objects (it takes "exclusiveMaximum": 100 or
     * "type": "objekt" silently), so the rules OpenAPI 3.0.3 gives them are checked here, on every Schema Object.
     */

    @Test
    void every_schema_object_keeps_the_openapi_3_0_keyword_rules() {
        assertThat(SchemaObjectRules.check(tree(file()))).isEmpty();
    }

    @Test
    void the_keyword_rules_report_the_mistakes_of_a_broken_copy() {
        var exclusiveAsNumber = file().replaceFirst("\"exclusiveMaximum\": true", "\"exclusiveMaximum\": 100");
        assertThat(exclusiveAsNumber).isNotEqualTo(file());
        assertThat(SchemaObjectRules.check(tree(exclusiveAsNumber)))
                .anySatisfy(m -> assertThat(m).contains("exclusiveMaximum must be a boolean"));
        var nullableWithoutType = file().replaceFirst("\"type\": \"object\",\n(\\s*)\"nullable\": true", "\"nullable\": true");
        assertThat(nullableWithoutType).isNotEqualTo(file());
        assertThat(SchemaObjectRules.check(tree(nullableWithoutType)))
                .anySatisfy(m -> assertThat(m).contains("nullable without type"));
        var badType = file().replaceFirst("\"type\": \"integer\"", "\"type\": \"int\"");
        assertThat(SchemaObjectRules.check(tree(badType))).anySatisfy(m -> assertThat(m).contains("type int"));
        var jsonSchemaKeyword = file().replaceFirst("\"maxLength\": 128", "\"const\": \"x\"");
        assertThat(SchemaObjectRules.check(tree(jsonSchemaKeyword))).anySatisfy(m -> assertThat(m).contains("const"));
    }

    @Test
    void every_operation_has_one_declared_tag_and_a_unique_operation_id() {
        var doc = tree(file());
        var declared = new HashSet<String>();
        doc.path("tags").forEach(t -> {
            assertThat(t.path("description").asText()).as("description of tag %s", t.path("name")).isNotBlank();
            declared.add(t.path("name").asText());
        });
        var used = new TreeSet<String>();
        var ids = new HashSet<String>();
        forEachOperation(doc, (path, method, op) -> {
            assertThat(op.path("tags")).as("%s %s", method, path).hasSize(1);
            assertThat(declared).as("%s %s", method, path).contains(op.path("tags").get(0).asText());
            used.add(op.path("tags").get(0).asText());
            assertThat(ids.add(op.path("operationId").asText(""))).as("operationId of %s %s", method, path).isTrue();
            assertThat(op.path("operationId").asText()).as("%s %s", method, path).isNotBlank();
        });
        assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void every_operation_documents_the_client_errors_it_can_get() {
        var doc = tree(file());
        forEachOperation(doc, (path, method, op) -> {
            var responses = op.path("responses");
            var what = method + " " + path;
            if (path.startsWith("/v2/") || path.startsWith("/api/v1/accounts/")) {
                assertThat(responses.path("401").path("$ref").asText()).as(what).isEqualTo("#/components/responses/Unauthorized");
            }
            if (path.contains("{accountId}")) {
                assertThat(responses.has("404")).as(what).isTrue();
            }
            boolean query = hasQuery(doc.path("paths").path(path).path("parameters")) || hasQuery(op.path("parameters"));
            if (op.has("requestBody") || query) {
                assertThat(responses.has("400")).as(what).isTrue();
            }
            if (op.has("requestBody")) {
                assertThat(responses.path("413").path("$ref").asText()).as(what).isEqualTo("#/components/responses/PayloadTooLarge");
            }
        });
    }

    private static boolean hasQuery(JsonNode parameters) {
        for (var p : parameters) {
            if ("query".equals(p.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void zoom_request_bodies_ignore_unknown_properties_and_refuse_null() {
        var doc = tree(file());
        forEachOperation(doc, (path, method, op) -> {
            if (path.startsWith("/v2/") && op.has("requestBody")) {
                for (var media : op.path("requestBody").path("content")) {
                    walk(doc, media.path("schema"), "/" + method + " " + path, new HashSet<>(), (where, schema) -> {
                        assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                                .as("additionalProperties: false at %s", where).isFalse();
                        assertThat(schema.path("nullable").asBoolean(false)).as("nullable at %s", where).isFalse();
                    });
                }
            }
        });
    }

    @Test
    void native_request_bodies_refuse_unknown_properties_and_null_outside_usage_records_and_unlimited_minutes() {
        var doc = tree(file());
        var nullable = new TreeSet<String>();
        forEachOperation(doc, (path, method, op) -> {
            if (path.startsWith("/api/v1/") && op.has("requestBody")) {
                for (var media : op.path("requestBody").path("content")) {
                    walk(doc, media.path("schema"), "", new HashSet<>(), (where, schema) -> {
                        if ("object".equals(schema.path("type").asText()) || schema.has("properties")) {
                            assertThat(schema.path("additionalProperties").isBoolean()
                                    && !schema.path("additionalProperties").asBoolean())
                                    .as("additionalProperties: false at %s %s%s", method, path, where).isTrue();
                        }
                        if (schema.path("nullable").asBoolean(false)) {
                            assertThat(schema.has("type")).as("type beside nullable at %s", where).isTrue();
                            nullable.add(where);
                        }
                    });
                }
            }
        });
        var expected = new TreeSet<String>();
        var schemas = doc.path("components").path("schemas");
        for (var record : List.of("CallRecord", "SmsRecord")) {
            var required = new HashSet<String>();
            schemas.path(record).path("required").forEach(r -> required.add(r.asText()));
            schemas.path(record).path("properties").fieldNames().forEachRemaining(field -> {
                if (!required.contains(field)) {
                    expected.add("#/components/schemas/" + record + "/properties/" + field);
                }
            });
        }
        expected.add("#/components/schemas/CallingPlanCreate/properties/included_minutes");
        assertThat(nullable).isEqualTo(expected);
    }

    interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    interface SchemaVisitor {
        void visit(String where, JsonNode schema);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor visitor) {
        doc.path("paths").properties().forEach(path -> {
            for (var method : METHODS) {
                if (path.getValue().has(method)) {
                    visitor.visit(path.getKey(), method, path.getValue().get(method));
                }
            }
        });
    }

    /** Visits {@code schema} and every schema inside it, following local $refs once each. */
    private static void walk(JsonNode doc, JsonNode schema, String where, Set<String> seen, SchemaVisitor visitor) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            var ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                walk(doc, doc.at(ref.substring(1)), ref, seen, visitor);
            }
            return;
        }
        visitor.visit(where, schema);
        schema.path("properties").properties().forEach(p -> walk(doc, p.getValue(), where + "/properties/" + p.getKey(),
                seen, visitor));
        walk(doc, schema.path("items"), where + "/items", seen, visitor);
        if (schema.path("additionalProperties").isObject()) {
            walk(doc, schema.path("additionalProperties"), where + "/additionalProperties", seen, visitor);
        }
        for (var combinator : List.of("oneOf", "anyOf", "allOf")) {
            var i = 0;
            for (var part : schema.path(combinator)) {
                walk(doc, part, where + "/" + combinator + "/" + i++, seen, visitor);
            }
        }
        walk(doc, schema.path("not"), where + "/not", seen, visitor);
    }
}
