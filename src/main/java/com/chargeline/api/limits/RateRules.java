package com.chargeline.api.limits;

import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rate-limit rules: for each table (zoom, zoom-phone, native, talkdesk) and plan tier the windows of each label
 * and the daily quota some labels share, the extra windows of single operations, and which base plans are Pro (no
 * base plan: Free; any other: Business+). A window is {@code "N per second|minute|hour"}, {@code "N per K minutes"}
 * (a token bucket refilled evenly) or {@code "N per day"} (a quota that resets at 00:00 UTC). Read from the jar's
 * {@code ratelimits/rules.json} or from a file; anything malformed is an error naming the place.
 */
public final class RateRules {
    public static final String RESOURCE = "ratelimits/rules.json";
    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,9}) per (?:([1-9][0-9]{0,5}) )?(second|minute|hour|day)s?");
    private static final List<String> TIER_KEYS = List.of("free", "pro", "business");

    /** The plan tiers of Zoom's tables: Free, Pro, and Business+ (Business, Education, Enterprise, Partners). */
    public enum Tier { FREE, PRO, BUSINESS }

    /** {@code requests} per {@code per}; a daily window resets at 00:00 UTC. */
    public record Window(long requests, Duration per, boolean daily) {
        @Override
        public String toString() {
            return requests + " per " + (daily ? "day" : per);
        }
    }

    /** A daily quota that the operations of several labels draw from together. */
    public record SharedDaily(Set<Label> labels, Window window) {
    }

    /** One tier of one table. */
    public record TierRules(Map<Label, List<Window>> labels, Optional<SharedDaily> shared) {
    }

    private final Set<String> proPlans;
    private final Map<String, Map<Tier, TierRules>> tables;
    private final Map<String, List<Window>> operations;
    private final long version;

    private RateRules(Set<String> proPlans, Map<String, Map<Tier, TierRules>> tables, Map<String, List<Window>> operations,
                      long version) {
        this.proPlans = proPlans;
        this.tables = tables;
        this.operations = operations;
        this.version = version;
    }

    /** The rules shipped in the jar (Zoom's documented numbers, and ours for the native and Talkdesk APIs). */
    public static RateRules defaults() {
        try (InputStream in = RateRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Rules from a file; an unreadable or malformed file is an IllegalArgumentException naming it. */
    public static RateRules fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static RateRules parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        onlyKeys(root, source, Set.of("pro_plans", "tables", "operations"));
        var proPlans = new HashSet<String>();
        for (var plan : array(root.path("pro_plans"), source + ": pro_plans")) {
            proPlans.add(text(plan, source + ": pro_plans[]"));
        }
        var tables = new LinkedHashMap<String, Map<Tier, TierRules>>();
        var tablesNode = object(root.path("tables"), source + ": tables");
        for (var table : iterable(tablesNode.fieldNames())) {
            var where = source + ": tables." + table;
            var tiersNode = object(tablesNode.get(table), where);
            onlyKeys(tiersNode, where, Set.copyOf(TIER_KEYS));
            var tiers = new EnumMap<Tier, TierRules>(Tier.class);
            for (var key : iterable(tiersNode.fieldNames())) {
                tiers.put(Tier.values()[TIER_KEYS.indexOf(key)], tier(tiersNode.get(key), where + "." + key));
            }
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException(where + ": no tier (free, pro, business)");
            }
            tables.put(table, tiers);
        }
        for (var table : RateLimit.TABLES) {
            if (!tables.containsKey(table)) {
                throw new IllegalArgumentException(source + ": tables: no table \"" + table + "\" (needed: "
                        + String.join(", ", RateLimit.TABLES) + ")");
            }
        }
        var operations = new LinkedHashMap<String, List<Window>>();
        var opsNode = root.path("operations");
        if (!opsNode.isMissingNode()) {
            object(opsNode, source + ": operations");
            for (var op : iterable(opsNode.fieldNames())) {
                operations.put(op, windows(opsNode.get(op), source + ": operations." + op));
            }
        }
        return new RateRules(Set.copyOf(proPlans), Map.copyOf(tables), Map.copyOf(operations), digest(json));
    }

    private static TierRules tier(JsonNode node, String where) {
        object(node, where);
        var labels = new EnumMap<Label, List<Window>>(Label.class);
        Optional<SharedDaily> shared = Optional.empty();
        for (var key : iterable(node.fieldNames())) {
            if (key.equals("shared_daily")) {
                var s = object(node.get(key), where + ".shared_daily");
                onlyKeys(s, where + ".shared_daily", Set.of("labels", "limit"));
                var sharedLabels = EnumSet.noneOf(Label.class);
                for (var l : array(s.path("labels"), where + ".shared_daily.labels")) {
                    sharedLabels.add(label(text(l, where + ".shared_daily.labels[]"), where + ".shared_daily.labels"));
                }
                var window = window(text(s.path("limit"), where + ".shared_daily.limit"), where + ".shared_daily.limit");
                if (!window.daily()) {
                    throw new IllegalArgumentException(where + ".shared_daily.limit: must be \"N per day\"");
                }
                shared = Optional.of(new SharedDaily(Set.copyOf(sharedLabels), window));
            } else {
                labels.put(label(key, where), windows(node.get(key), where + "." + key));
            }
        }
        for (var label : Label.values()) {
            if (!labels.containsKey(label)) {
                throw new IllegalArgumentException(where + ": no windows for " + label.wire());
            }
        }
        return new TierRules(Map.copyOf(labels), shared);
    }

    private static List<Window> windows(JsonNode node, String where) {
        var out = new ArrayList<Window>();
        for (var w : array(node, where)) {
            out.add(window(text(w, where + "[]"), where));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": at least one window");
        }
        return List.copyOf(out);
    }

    static Window window(String text, String where) {
        var m = WINDOW.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": \"" + text
                    + "\" is not a window like \"10 per second\", \"1 per 30 minutes\" or \"100 per day\"");
        }
        long requests = Long.parseLong(m.group(1));
        long count = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
        var unit = switch (m.group(3)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        boolean daily = m.group(3).equals("day");
        if (daily && count != 1) {
            throw new IllegalArgumentException(where + ": \"" + text + "\": a daily quota is \"N per day\"");
        }
        return new Window(requests, unit.multipliedBy(count), daily);
    }

    private static Label label(String wire, String where) {
        return Label.fromWire(wire).orElseThrow(() -> new IllegalArgumentException(where + ": unknown label \"" + wire
                + "\" (Light, Medium, Heavy, Resource-intensive)"));
    }

    private static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        return node;
    }

    private static Iterable<JsonNode> array(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + ": expected an array");
        }
        return node;
    }

    private static String text(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + ": expected a string");
        }
        return node.asText();
    }

    private static void onlyKeys(JsonNode node, String where, Set<String> allowed) {
        for (var key : iterable(node.fieldNames())) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + key + "\" (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static long digest(String json) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (hash[i] & 0xff);
            }
            return v & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tier of an account from the types of its active base plans. */
    public Tier tier(List<String> activeBasePlans) {
        if (activeBasePlans.isEmpty()) {
            return Tier.FREE;
        }
        return activeBasePlans.stream().allMatch(proPlans::contains) ? Tier.PRO : Tier.BUSINESS;
    }

    /**
     * The rules of {@code table} for {@code tier}: that tier's, or the nearest defined, higher tiers first (Zoom
     * Phone has no Free column: a Free account gets Pro's numbers).
     */
    public TierRules rules(String table, Tier tier) {
        var tiers = tables.get(table);
        if (tiers == null) {
            throw new IllegalStateException("the rate-limit rules have no table \"" + table + "\"");
        }
        for (int i = tier.ordinal(); i < Tier.values().length; i++) {
            if (tiers.containsKey(Tier.values()[i])) {
                return tiers.get(Tier.values()[i]);
            }
        }
        for (int i = tier.ordinal() - 1; i >= 0; i--) {
            if (tiers.containsKey(Tier.values()[i])) {
                return tiers.get(Tier.values()[i]);
            }
        }
        throw new IllegalStateException("unreachable: table " + table + " has a tier");
    }

    /** The extra windows of one operation (empty: none). */
    public List<Window> extras(String operationId) {
        return operations.getOrDefault(operationId, List.of());
    }

    /** Changes whenever the rules' text does: stored buckets made under other rules take the new ones. */
    public long version() {
        return version;
    }
}
