package com.chargeline.api.fuzz;

import com.chargeline.api.fuzz.FuzzRequest.Expect;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Request bodies beside the JSON schemas: CSV files and their mutations, hostile byte shapes, opaque Zoom bodies. */
final class FuzzBodies {
    private static final String[] CALL_TYPES = {"local", "tollfree", "international", "voip", "callCenter", "premium"};
    private static final String[] CHARGE_MODES = {"per_min", "per_call", "per_call_per_min", "per_min_after_t_duration",
        "per_call_per_min_after_t_duration"};
    private static final String USER_CSV_HEADER =
            "name,email,extension_number,employee_id,department,cost_center,calling_plan,billing_account_id,phone_numbers";

    private FuzzBodies() {
    }

    static FuzzRequest csvMutation(FuzzRequest base, Random r) {
        var lines = new ArrayList<>(List.of(new String(base.body(), StandardCharsets.UTF_8).split("\n")));
        int row = lines.size() > 1 ? 1 + r.nextInt(lines.size() - 1) : 0;
        var cells = new ArrayList<>(List.of(lines.get(row).split(",", -1)));
        int cell = r.nextInt(cells.size());
        String kind;
        switch (r.nextInt(10)) {
            case 0 -> { cells.remove(cell); kind = "row-missing-column"; }
            case 1 -> { cells.add("extra"); kind = "row-extra-column"; }
            case 2 -> { cells.set(cell, "abc"); kind = "cell-not-a-number"; }
            case 3 -> { cells.set(cell, "-1"); kind = "cell-negative"; }
            case 4 -> { cells.set(cell, "\"unbalanced"); kind = "unbalanced-quote"; }
            case 5 -> { cells.set(cell, "2026-02-30"); kind = "cell-bad-date"; }
            case 6 -> { lines.set(0, lines.get(0).replaceFirst("^[a-z_]+", "fuzz")); kind = "header-renamed"; }
            case 7 -> { lines.subList(1, lines.size()).clear(); kind = "header-only"; }
            case 8 -> { cells.set(cell, "x".repeat(5000)); kind = "cell-5000-chars"; }
            default -> { cells.set(cell, ""); kind = "cell-empty"; }
        }
        if (kind.startsWith("cell") || kind.startsWith("row") || kind.equals("unbalanced-quote")) {
            lines.set(row, String.join(",", cells));
        }
        var sep = r.nextInt(4) == 0 ? "\r\n" : "\n";
        return withBody(base, Expect.ANY, "csv:" + kind, "line " + (row + 1), String.join(sep, lines) + sep);
    }

    /** Operations whose body the file leaves open (additionalProperties, no properties): Zoom's documented shapes. */
    static String opaqueBody(SpecModel.Op op, Random r) {
        if (op.template().endsWith("/plans/addons")) {
            return "{\"type\":\"" + List.of("webinar500_monthly", "large500_monthly", "cloud_recording_monthly", "nope")
                    .get(r.nextInt(4)) + "\",\"hosts\":" + (1 + r.nextInt(3)) + "}";
        }
        return "{\"contact\":{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a" + r.nextInt(1000) + "@b.example\","
                + "\"phone_number\":\"+1 202 555 0100\",\"address\":\"1 Main\",\"city\":\"X\",\"state\":\"VA\",\"zip\":\"22202\","
                + "\"country\":\"US\"},\"plan_base\":{\"type\":\"" + (r.nextBoolean() ? "monthly" : "yearly") + "\",\"hosts\":"
                + (1 + r.nextInt(4)) + "}}";
    }

    static String csv(SpecModel.Op op, Random r) {
        var example = op.examples().get("text/csv");
        var header = example == null ? USER_CSV_HEADER : example.toString().split("\n")[0];
        var sb = new StringBuilder(header).append('\n');
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            if (header.startsWith("prefix")) {
                sb.append(List.of("1", "44", "447", "33", "1" + r.nextInt(1000)).get(r.nextInt(5))).append(",Dest ").append(i)
                        .append(',').append(CALL_TYPES[r.nextInt(CALL_TYPES.length - 1)]).append(",0.0").append(r.nextInt(10))
                        .append(",0,60,").append(r.nextBoolean() ? 6 : 60).append(",0,")
                        .append(CHARGE_MODES[r.nextInt(CHARGE_MODES.length)]).append(",USD,")
                        .append(r.nextBoolean() ? "2026-01-01" : "").append(",\n");
            } else if (header.startsWith("country")) {
                sb.append(List.of("US", "GB", "*", "CA").get(r.nextInt(4))).append(',').append(r.nextBoolean() ? "SMS" : "MMS")
                        .append(',').append(r.nextInt(5) == 0 ? "inbound" : "outbound").append(",0.00").append(1 + r.nextInt(9))
                        .append(",USD\n");
            } else {
                int n2 = r.nextInt(100_000);
                sb.append("Csv User ").append(n2).append(",csv").append(n2).append("@example.com,").append(3000 + r.nextInt(900))
                        .append(",E-").append(n2).append(",Ops,CC-1,").append(r.nextBoolean() ? "US One Minute" : "")
                        .append(',').append(r.nextBoolean() ? "BA-EAST" : "").append(",+1415555").append(1000 + r.nextInt(8999))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static FuzzRequest withBody(FuzzRequest base, Expect expect, String kind, String field, String body) {
        return withBytes(base, expect, kind, field, body.getBytes(StandardCharsets.UTF_8));
    }

    static FuzzRequest withBytes(FuzzRequest base, Expect expect, String kind, String field, byte[] body) {
        return new FuzzRequest(base.op(), base.family(), base.method(), base.path(), base.query(), base.headers(), base.auth(),
                body, expect, kind, field, 0);
    }

    static String addUnknown(String json) {
        if (json.startsWith("{")) {
            return "{\"fuzz_extra\":1," + json.substring(1).replaceFirst("^,?\\}", "}");
        }
        return json.startsWith("[{") ? "[{\"fuzz_extra\":1," + json.substring(2) : json;
    }

    static String insertNul(String text, String media) {
        if (media.equals("text/csv")) {
            int nl = text.indexOf('\n');
            return text.substring(0, nl + 1) + "\u0000" + text.substring(nl + 1);
        }
        int at = text.indexOf(":\"");
        if (at < 0) {
            at = text.indexOf("[\"");
        }
        return at < 0 ? null : text.substring(0, at + 2) + "\\u0000" + text.substring(at + 2);
    }

    static byte[] invalidUtf8(String text) {
        int at = text.indexOf('"');
        at = at < 0 ? Math.min(text.length(), text.indexOf('\n') + 1) : at + 1;
        var out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String huge(String media) {
        if (media.equals("text/csv")) {
            return "prefix,destination\n" + "1,x\n".repeat(300_000);
        }
        return "{\"name\":\"" + "x".repeat(1_200_000) + "\"}";
    }
}
