package com.chargeline.api.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Our OpenAPI file, read by swagger-parser with every $ref resolved, as the list of operations the fuzzer drives. */
record SpecModel(List<Op> operations, Map<String, Set<String>> methodsByPath, List<String> parserMessages) {

    /** One operation: its parameters, request bodies by media type, security and documented statuses. */
    record Op(String method, String template, List<Parameter> parameters, Map<String, Object> examples,
              Map<String, Schema<?>> bodies, boolean bodyRequired, String security, Set<String> statuses) {
        String id() {
            return method + " " + template;
        }

        List<Parameter> query() {
            return parameters.stream().filter(p -> "query".equals(p.getIn())).toList();
        }
    }

    static SpecModel load(String json) {
        var options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("swagger-parser could not read our OpenAPI file: " + result.getMessages());
        }
        var ops = new ArrayList<Op>();
        var methods = new LinkedHashMap<String, Set<String>>();
        api.getPaths().forEach((template, item) -> {
            var verbs = new TreeSet<String>();
            item.readOperationsMap().forEach((verb, operation) -> {
                verbs.add(verb.name());
                var params = new ArrayList<Parameter>();
                if (item.getParameters() != null) {
                    params.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    params.addAll(operation.getParameters());
                }
                var bodies = new LinkedHashMap<String, Schema<?>>();
                var examples = new LinkedHashMap<String, Object>();
                boolean required = false;
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
                    operation.getRequestBody().getContent().forEach((type, media) -> {
                        bodies.put(type, media.getSchema());
                        if (media.getExample() != null) {
                            examples.put(type, media.getExample());
                        }
                    });
                }
                var security = operation.getSecurity() == null || operation.getSecurity().isEmpty() ? "none"
                        : operation.getSecurity().get(0).keySet().iterator().next();
                ops.add(new Op(verb.name(), template, params, examples, bodies, required, security,
                        new TreeSet<>(operation.getResponses().keySet())));
            });
            methods.put(template, verbs);
        });
        return new SpecModel(List.copyOf(ops), methods, result.getMessages() == null ? List.of() : result.getMessages());
    }

    static Set<PathItem.HttpMethod> fuzzedMethods() {
        return Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
                PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    }
}
