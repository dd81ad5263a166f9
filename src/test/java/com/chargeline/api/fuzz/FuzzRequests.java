package com.chargeline.api.fuzz;

import com.chargeline.api.fuzz.FuzzRequest.Expect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Builds requests for the operations of our OpenAPI file: valid ones, ones the file calls invalid, hostile ones. */
final class FuzzRequests {
    static final String OAUTH = "/oauth/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ids, tokens and credentials of the fixture the requests aim at. */
    record Fixture(String masterId, String subId, String selfPayId, String foreignId, List<String> disposable,
                   String deckId, String foreignDeckId, List<String> callIds, List<String> invoiceIds,
                   Map<String, String> tokens, String clientId, String secret, List<String> invoiceReportIds) {
    }

    private final SpecModel spec;
    private final SchemaValues values;
    private final Fixture fx;

    FuzzRequests(SpecModel spec, SchemaValues values, Fixture fx) {
        this.spec = spec;
        this.values = values;
        this.fx = fx;
    }

    FuzzRequest next(Random r) {
        int roll = r.nextInt(100);
        if (roll < 2) {
            return unknownPath(r);
        }
        if (roll < 6) {
            return wrongMethod(r);
        }
        var op = spec.operations().get(r.nextInt(spec.operations().size()));
        return op.template().equals(OAUTH) ? oauth(op, r) : forOperation(op, r);
    }

    // ---- ordinary operations -------------------------------------------------------------------------------

    private FuzzRequest forOperation(SpecModel.Op op, Random r) {
        var headers = new LinkedHashMap<String, String>();
        var path = fill(op.template(), op.method(), r, false);
        var query = validQuery(op, r);
        var mediaTypes = new ArrayList<>(op.bodies().keySet());
        var media = mediaTypes.isEmpty() ? null : mediaTypes.get(r.nextInt(mediaTypes.size()));
        var body = media == null ? null : validBody(op, media, r);
        boolean talkdesk = op.template().startsWith("/express/");
        var bearer = op.security().equals("bearer") || talkdesk;
        var base = new FuzzRequest(op.id(), talkdesk ? "talkdesk" : "zoom", op.method(), path, query, headers,
                !bearer ? null : talkdesk ? "Bearer <talkdesk token>" : "Bearer <master token>",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Expect.ANY, "valid", "", 0);
        if (media != null) {
            headers.put("Content-Type", media);
        }
        var twists = new ArrayList<Supplier<FuzzRequest>>();
        var weights = new ArrayList<Integer>();
        add(twists, weights, 40, () -> base);
        add(twists, weights, 6, () -> junkPath(op, base, r));
        if (!op.query().isEmpty()) {
            add(twists, weights, 12, () -> badQuery(op, base, r));
            add(twists, weights, 2, () -> base.with(Expect.ANY, "valid:unknown-query-param", "fuzz_param")
                    .withQuery(base.query() + (base.query().isEmpty() ? "" : "&") + "fuzz_param=1"));
        }
        if (bearer) {
            add(twists, weights, 7, () -> badAuth(base, r));
        }
        if (media != null) {
            bodyTwists(op, media, base, r, twists, weights);
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int pick = r.nextInt(total);
        for (int i = 0; i < twists.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                var twisted = twists.get(i).get();
                return twisted == null ? base : twisted;
            }
        }
        return base;
    }

    private static void add(List<Supplier<FuzzRequest>> twists, List<Integer> weights, int weight, Supplier<FuzzRequest> twist) {
        twists.add(twist);
        weights.add(weight);
    }

    private void bodyTwists(SpecModel.Op op, String media, FuzzRequest base, Random r,
                            List<Supplier<FuzzRequest>> twists, List<Integer> weights) {
        var text = new String(base.body(), StandardCharsets.UTF_8);
        var schema = op.bodies().get(media);
        boolean json = media.equals("application/json");
        if (json) {
            add(twists, weights, 30, () -> invalidBody(schema, base, r));
            if (!Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                add(twists, weights, 2, () -> FuzzBodies.withBody(base, Expect.ANY, "valid:unknown-property", "fuzz_extra",
                        FuzzBodies.addUnknown(text)));
            }
            add(twists, weights, 3, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:trailing-content", "",
                    text + (r.nextBoolean() ? " garbage" : " " + text)));
            add(twists, weights, 3, () -> repeatedKey(schema, base, text, r));
            add(twists, weights, 2, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:nesting-2000", "",
                    r.nextBoolean() ? "[".repeat(2000) + "]".repeat(2000) : "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
            add(twists, weights, 2, () -> FuzzBodies.withBody(base, Expect.ANY, "valid:no-content-type", "", text)
                    .withHeader("Content-Type", null));
        }
        if (media.equals("application/x-ndjson")) {
            add(twists, weights, 4, () -> ndjson(op, base, r, true));
            add(twists, weights, 4, () -> ndjson(op, base, r, false));
        }
        if (media.equals("text/csv")) {
            add(twists, weights, 25, () -> FuzzBodies.csvMutation(base, r));
        }
        var withNul = FuzzBodies.insertNul(text, media);
        if (withNul != null) {
            add(twists, weights, 3, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:nul-in-string", "", withNul));
        }
        add(twists, weights, 3, () -> FuzzBodies.withBytes(base, Expect.MUST_4XX, "hostile:invalid-utf8", "", FuzzBodies.invalidUtf8(text)));
        add(twists, weights, 3, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:wrong-content-type", "", text)
                .withHeader("Content-Type", List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        media.equals("text/csv") ? "application/json" : "text/html").get(r.nextInt(4))));
        if (op.bodyRequired()) {
            add(twists, weights, 3, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:empty-body", "", ""));
        }
        add(twists, weights, 1, () -> FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:over-limit-body", "", FuzzBodies.huge(media)));
    }

    /** One violation, on the request's valid body or (half the time) on a minimal one, so that it stands alone. */
    private FuzzRequest invalidBody(Schema<?> schema, FuzzRequest base, Random r) {
        JsonNode valid = r.nextBoolean() || SchemaValues.properties(schema).isEmpty() && schema.getItems() == null
                ? parse(base.body()) : values.valid(schema, null, r, true);
        var mutations = values.mutations(schema, valid, r);
        if (mutations.isEmpty()) {
            return null;
        }
        var m = mutations.get(r.nextInt(mutations.size()));
        return FuzzBodies.withBody(base, Expect.MUST_4XX, "invalid:" + m.kind(), m.field(), write(m.body()));
    }

    private FuzzRequest repeatedKey(Schema<?> schema, FuzzRequest base, String text, Random r) {
        JsonNode valid = parse(base.body());
        var object = valid.isArray() && valid.size() > 0 ? valid.get(0) : valid;
        if (!object.isObject() || object.isEmpty()) {
            return null;
        }
        var key = object.fieldNames().next();
        var itemSchema = valid.isArray() ? schema.getItems() : schema;
        var props = SchemaValues.properties(itemSchema);
        var objectText = write(object);
        var other = write(values.valid(props.get(key), key, r));
        for (int i = 0; i < 5 && other.equals(write(object.get(key))); i++) {
            other = write(values.valid(props.get(key), key, r));
        }
        var doubled = "{" + JSON.valueToTree(key).toString() + ":" + other + "," + objectText.substring(1);
        var body = valid.isArray() ? "[" + doubled + text.substring(1 + objectText.length()) : doubled;
        return FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:repeated-key", key, body);
    }

    private FuzzRequest ndjson(SpecModel.Op op, FuzzRequest base, Random r, boolean twoOnALine) {
        var items = op.bodies().get("application/json").getItems();
        var lines = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            lines.add(write(values.valid(items, null, r)));
        }
        if (twoOnALine) {
            var body = lines.get(0) + "\n" + lines.get(1) + " " + lines.get(2) + "\n" + lines.get(3) + "\n";
            return FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:ndjson-two-objects-on-line-2", "", body);
        }
        var body = lines.get(0) + "\n" + lines.get(1) + "\n" + "{\"call_log_id\": oops\n" + lines.get(3) + "\n";
        var bad = FuzzBodies.withBody(base, Expect.MUST_4XX, "hostile:ndjson-bad-line-3", "", body);
        return new FuzzRequest(bad.op(), bad.family(), bad.method(), bad.path(), bad.query(), bad.headers(), bad.auth(),
                bad.body(), bad.expect(), bad.kind(), bad.field(), 3);
    }

    private FuzzRequest junkPath(SpecModel.Op op, FuzzRequest base, Random r) {
        var path = fill(op.template(), op.method(), r, true);
        if (path.equals(base.path())) {
            return null;
        }
        return new FuzzRequest(base.op(), base.family(), base.method(), path, base.query(), base.headers(), base.auth(),
                base.body(), Expect.MUST_4XX, "path:unknown-or-foreign-id", "", 0);
    }

    private FuzzRequest badQuery(SpecModel.Op op, FuzzRequest base, Random r) {
        var params = op.query();
        var p = params.get(r.nextInt(params.size()));
        var s = p.getSchema();
        var type = SchemaValues.type(s);
        var bad = new ArrayList<String[]>();
        switch (type) {
            case "integer" -> {
                bad.add(new String[] {"wrong-type", r.nextBoolean() ? "abc" : "1.5"});
                if (s.getMinimum() != null) {
                    bad.add(new String[] {"below-minimum", s.getMinimum().subtract(java.math.BigDecimal.ONE).toPlainString()});
                }
                if (s.getMaximum() != null) {
                    bad.add(new String[] {"above-maximum", s.getMaximum().add(java.math.BigDecimal.ONE).toPlainString()});
                }
            }
            case "boolean" -> bad.add(new String[] {"wrong-type", r.nextBoolean() ? "maybe" : "2"});
            default -> { }
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            bad.add(new String[] {"not-in-enum", type.equals("integer") ? "45" : "fuzz_value"});
        }
        if (type.equals("string")) {
            bad.add(new String[] {"nul-in-string", "a%00b"});
        }
        if (bad.isEmpty()) {
            var longValue = "q".repeat(3000);
            return base.with(Expect.ANY, "valid:long-query-value", p.getName()).withQuery(p.getName() + "=" + longValue);
        }
        var chosen = bad.get(r.nextInt(bad.size()));
        var query = new ArrayList<String>();
        for (var part : base.query().split("&")) {
            if (!part.isEmpty() && !part.startsWith(p.getName() + "=")) {
                query.add(part);
            }
        }
        query.add(p.getName() + "=" + (chosen[0].equals("nul-in-string") ? chosen[1] : encode(chosen[1])));
        var kind = chosen[0].equals("nul-in-string") ? "hostile:query-nul" : "invalid:query-" + chosen[0];
        return base.with(Expect.MUST_4XX, kind, p.getName()).withQuery(String.join("&", query));
    }

    private FuzzRequest badAuth(FuzzRequest base, Random r) {
        var labels = List.of("missing", "garbled", "expired", "tampered", "basic", "sub account token", "narrow-scope token",
                "foreign master token");
        var label = labels.get(r.nextInt(labels.size()));
        var expect = label.endsWith(" token") ? Expect.ANY : Expect.MUST_4XX;
        var auth = switch (label) {
            case "missing" -> null;
            case "garbled" -> "Bearer not.a.jwt";
            case "expired" -> "Bearer <expired token>";
            case "tampered" -> "Bearer <master token, a signature character changed>";
            case "basic" -> "Basic <master client credentials>";
            default -> "Bearer <" + label + ">";
        };
        return new FuzzRequest(base.op(), base.family(), base.method(), base.path(), base.query(), base.headers(), auth,
                base.body(), expect, (expect == Expect.ANY ? "auth:" : "hostile:auth-") + label.replace(' ', '-'), "", 0);
    }

    /** The Authorization header value for a label of {@link FuzzRequest#auth()}. */
    String authorization(String label) {
        if (label == null) {
            return null;
        }
        var master = fx.tokens().get("master");
        return switch (label) {
            case "Bearer <master token>" -> "Bearer " + master;
            case "Bearer <expired token>" -> "Bearer " + fx.tokens().get("expired");
            case "Bearer <master token, a signature character changed>" -> "Bearer " + tamper(master);
            case "Basic <master client credentials>" -> basic(fx.clientId(), fx.secret());
            case "Basic <wrong secret>" -> basic(fx.clientId(), "wrong-secret");
            case "Basic <unknown client>" -> basic("nope-client", fx.secret());
            case "Bearer <sub account token>" -> "Bearer " + fx.tokens().get("sub");
            case "Bearer <narrow-scope token>" -> "Bearer " + fx.tokens().get("narrow");
            case "Bearer <foreign master token>" -> "Bearer " + fx.tokens().get("foreign");
            case "Bearer <talkdesk token>" -> "Bearer " + fx.tokens().get("talkdesk");
            default -> label;
        };
    }

    /** The token with a character inside its signature changed (not the last one, whose low bits base64 ignores). */
    private static String tamper(String token) {
        int at = token.length() - 10;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    // ---- the OAuth token endpoint ---------------------------------------------------------------------------

    private FuzzRequest oauth(SpecModel.Op op, Random r) {
        var headers = new LinkedHashMap<String, String>();
        var expect = Expect.ANY;
        var kind = "valid";
        var field = "";
        var grant = "account_credentials";
        var account = fx.masterId();
        switch (r.nextInt(12)) {
            case 0 -> { grant = "client_credentials"; expect = Expect.MUST_4XX; kind = "invalid:query-not-in-enum"; field = "grant_type"; }
            case 1 -> { grant = null; kind = "missing-grant_type"; field = "grant_type"; }
            case 2 -> { account = "%00"; expect = Expect.MUST_4XX; kind = "hostile:query-nul"; field = "account_id"; }
            case 3 -> { account = fx.foreignId(); expect = Expect.MUST_4XX; kind = "foreign-account"; field = "account_id"; }
            case 4 -> { account = "x".repeat(3000); expect = Expect.MUST_4XX; kind = "long-account_id"; field = "account_id"; }
            case 5 -> { account = fx.subId(); kind = "sub-account_id"; field = "account_id"; }
            default -> { }
        }
        var auth = "Basic <master client credentials>";
        int credentials = r.nextInt(10);
        if (credentials == 0) {
            auth = null;
            expect = Expect.MUST_4XX;
            kind = kind.equals("valid") ? "hostile:auth-missing" : kind + "+auth-missing";
        } else if (credentials == 1) {
            auth = List.of("Basic <wrong secret>", "Basic <unknown client>", "Basic !!!not-base64", "Bearer x").get(r.nextInt(4));
            expect = Expect.MUST_4XX;
            kind = kind.equals("valid") ? "hostile:auth-bad-credentials" : kind + "+auth-bad-credentials";
        }
        var params = new ArrayList<String>();
        if (grant != null) {
            params.add("grant_type=" + encode(grant));
        }
        if (account != null) {
            params.add("account_id=" + (account.equals("%00") ? account : encode(account)));
        }
        String query = String.join("&", params);
        byte[] body = null;
        if (r.nextInt(4) == 0) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = query.getBytes(StandardCharsets.UTF_8);
            query = "";
            if (grant != null && grant.equals("client_credentials")) {
                return clientCredentials(op, r, headers, auth);
            }
            if (r.nextInt(3) == 0) {
                headers.put("Content-Type", "application/json");
                body = "{\"grant_type\":\"account_credentials\",\"account_id\":\"x\"} x".getBytes(StandardCharsets.UTF_8);
                kind = "hostile:json-body-with-trailing-content";
                expect = Expect.MUST_4XX;
            }
        }
        return new FuzzRequest(op.id(), "oauth", "POST", OAUTH, query, headers, auth, body, expect, kind, field, 0);
    }

    /**
     * A form body with {@code grant_type=client_credentials}: Talkdesk's grant, answered in RFC 6749's error shape
     * (family {@code oauth2}). The master's client holds {@code billing:master} but not the Talkdesk scope.
     */
    private FuzzRequest clientCredentials(SpecModel.Op op, Random r, Map<String, String> headers, String auth) {
        var expect = auth == null || !auth.equals("Basic <master client credentials>") ? Expect.MUST_4XX : Expect.ANY;
        var kind = expect == Expect.ANY ? "client_credentials" : "client_credentials+auth-bad";
        var body = "grant_type=client_credentials";
        switch (r.nextInt(4)) {
            case 0 -> body += "&scope=billing%3Amaster";
            case 1 -> {
                body += "&scope=express-accounts-usage%3Aread";
                expect = Expect.MUST_4XX;
                kind += "+scope-not-held";
            }
            case 2 -> {
                body += "&scope=a&scope=b";
                expect = Expect.MUST_4XX;
                kind += "+scope-repeated";
            }
            default -> { }
        }
        return new FuzzRequest(op.id(), "oauth2", "POST", OAUTH, "", headers, auth, body.getBytes(StandardCharsets.UTF_8),
                expect, kind, kind.contains("scope") ? "scope" : "grant_type", 0);
    }

    // ---- paths that do not exist, methods a path does not have ------------------------------------------------

    private FuzzRequest unknownPath(Random r) {
        var path = List.of("/v2/fuzz/" + r.nextInt(1000), "/api/v1/nothing" + r.nextInt(1000), "/v2/accounts/me/nope",
                "/fuzz" + r.nextInt(1000), "/oauth/fuzz", "/api/v1/accounts/me/usage/calls/a/b/c").get(r.nextInt(6));
        var method = List.of("GET", "POST", "PUT", "PATCH", "DELETE").get(r.nextInt(5));
        var headers = new LinkedHashMap<String, String>();
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("DELETE")) {
            headers.put("Content-Type", "application/json");
            body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest("(unknown path)", "zoom", method, path, "", headers, "Bearer <master token>", body,
                Expect.MUST_4XX, "unknown-path", "", 0);
    }

    private FuzzRequest wrongMethod(Random r) {
        var paths = new ArrayList<>(spec.methodsByPath().keySet());
        while (true) {
            var template = paths.get(r.nextInt(paths.size()));
            var allowed = spec.methodsByPath().get(template);
            var others = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            others.removeAll(allowed);
            if (others.isEmpty()) {
                continue;
            }
            var method = others.get(r.nextInt(others.size()));
            var headers = new LinkedHashMap<String, String>();
            byte[] body = null;
            if (!method.equals("GET") && !method.equals("DELETE")) {
                headers.put("Content-Type", "application/json");
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
            return new FuzzRequest(method + " " + template, template.equals(OAUTH) ? "oauth"
                    : template.startsWith("/express/") ? "talkdesk" : "zoom", method,
                    fill(template, "GET", r, false, true), "", headers, "Bearer <master token>", body, Expect.MUST_405,
                    "wrong-method", "", 0);
        }
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private String fill(String template, String method, Random r, boolean junk) {
        return fill(template, method, r, junk, false);
    }

    /** The template with ids: the fixture's (all real when {@code clean}), or one unknown/foreign/hostile when {@code junk}. */
    private String fill(String template, String method, Random r, boolean junk, boolean clean) {
        var out = template;
        if (out.contains("{accountId}")) {
            String id;
            if (junk) {
                id = junk(r, fx.foreignId());
            } else if (method.equals("DELETE") && template.equals("/v2/accounts/{accountId}")) {
                id = r.nextInt(3) == 0 ? "me" : fx.disposable().get(r.nextInt(fx.disposable().size()));
            } else {
                int roll = r.nextInt(10);
                id = roll < 4 ? "me" : roll < 6 ? fx.masterId() : roll < 8 ? fx.subId() : fx.selfPayId();
            }
            out = out.replace("{accountId}", id);
            junk = false;
        }
        if (out.contains("{deckId}")) {
            out = out.replace("{deckId}", junk || !clean && r.nextInt(8) == 0 ? junk(r, fx.foreignDeckId()) : fx.deckId());
        }
        if (out.contains("{callLogId}")) {
            out = out.replace("{callLogId}", junk || !clean && r.nextInt(4) == 0 ? junk(r, "fz-no-such-call")
                    : fx.callIds().get(r.nextInt(fx.callIds().size())));
        }
        if (out.contains("{invoiceId}")) {
            out = out.replace("{invoiceId}", junk || !clean && r.nextInt(4) == 0 ? junk(r, "fz-no-such-invoice")
                    : fx.invoiceIds().get(r.nextInt(fx.invoiceIds().size())));
        }
        if (out.contains("{invoiceReportId}")) {
            out = out.replace("{invoiceReportId}", junk || !clean && r.nextInt(4) == 0 ? junk(r, "1764547200000")
                    : fx.invoiceReportIds().get(r.nextInt(fx.invoiceReportIds().size())));
        }
        if (out.contains("{number}")) {
            // Released numbers are the fixture's own or none held: a release ends a holding, nothing else depends on it.
            out = out.replace("{number}", junk ? junk(r, "not-a-number")
                    : List.of("%2B14155550100", "%2B14155559999", "14155550100").get(r.nextInt(3)));
        }
        if (out.contains("{clientId}")) {
            // Never a live client of the fixture: revoking one would end every later request's token.
            out = out.replace("{clientId}", junk ? junk(r, "fz-no-such-client") : "fz-no-such-client");
        }
        return out;
    }

    private static String junk(Random r, String foreign) {
        return switch (r.nextInt(7)) {
            case 0 -> foreign;
            case 1 -> "%00";
            case 2 -> "a%00b";
            case 3 -> "L".repeat(3000);
            case 4 -> "fuzz-" + Long.toHexString(r.nextLong());
            case 5 -> "%E2%98%83%FF";
            default -> "00000000-0000-0000-0000-000000000000";
        };
    }

    private String validQuery(SpecModel.Op op, Random r) {
        var parts = new ArrayList<String>();
        for (Parameter p : op.query()) {
            if (r.nextInt(5) < 2) {
                var value = values.valid(p.getSchema(), p.getName(), r);
                parts.add(p.getName() + "=" + encode(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        return String.join("&", parts);
    }

    private String validBody(SpecModel.Op op, String media, Random r) {
        var schema = op.bodies().get(media);
        if (media.equals("application/x-ndjson")) {
            var items = op.bodies().get("application/json").getItems();
            var sb = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                sb.append(write(values.valid(items, null, r))).append('\n');
            }
            return sb.toString();
        }
        if (media.equals("text/csv")) {
            return FuzzBodies.csv(op, r);
        }
        if (media.equals("application/json") && SchemaValues.type(schema).equals("object") && schema.getProperties() == null) {
            return FuzzBodies.opaqueBody(op, r);
        }
        return write(values.valid(schema, null, r));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(JsonNode node) {
        return node.toString();
    }
}
