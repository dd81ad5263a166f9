package com.chargeline.api.fuzz;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Failures grouped by operation, rule, kind of request and status, each with its first reproducing request. */
final class FuzzFailures {
    private record Key(String op, String rule, String kind, int status) {
    }

    private static final class Group {
        int count;
        long index;
        FuzzRequest request;
        String response;
        String detail;
        final TreeSet<String> fields = new TreeSet<>();
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();

    /** Records one failure; {@code op} may be a group label when the rule groups across operations. */
    void add(String op, String rule, long index, FuzzRequest request, int status, String response, String detail) {
        add(op, rule, request.kind(), index, request, status, response, detail);
    }

    /** Records one failure under {@code kind} instead of the request's own kind (for rules grouped more coarsely). */
    void add(String op, String rule, String kind, long index, FuzzRequest request, int status, String response, String detail) {
        var group = groups.computeIfAbsent(new Key(op, rule, kind, status), k -> new Group());
        if (group.count++ == 0) {
            group.index = index;
            group.request = request;
            group.response = response;
            group.detail = detail;
        }
        if (!op.equals(request.op())) {
            group.fields.add(request.op());
        } else if (!request.field().isEmpty()) {
            group.fields.add(request.field());
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    int size() {
        return groups.size();
    }

    String report(String header) {
        var sb = new StringBuilder(header).append("\n").append(groups.size()).append(" distinct failures:\n");
        int n = 0;
        var sorted = groups.entrySet().stream().sorted(Comparator.comparing((Map.Entry<Key, Group> e) -> e.getKey().rule())
                .thenComparing(e -> e.getKey().op()).thenComparing(e -> e.getKey().kind())).toList();
        for (var e : sorted) {
            var k = e.getKey();
            var g = e.getValue();
            sb.append(String.format("%n%3d. [%s] %s — %s → %d (%d×)%n", ++n, k.rule(), k.op(), k.kind(), k.status(), g.count));
            if (!g.fields.isEmpty()) {
                sb.append("     seen with: ").append(String.join(", ", g.fields)).append('\n');
            }
            if (g.detail != null && !g.detail.isEmpty()) {
                sb.append("     why: ").append(FuzzRequest.abbreviate(g.detail, 600)).append('\n');
            }
            sb.append("     request #").append(g.index).append(": ").append(g.request.describe()).append('\n');
            sb.append("     response: ").append(FuzzRequest.abbreviate(g.response.replace("\n", "\\n"), 400)).append('\n');
        }
        return sb.toString();
    }
}
