package com.chargeline.cli;

import com.chargeline.common.error.BillingException;
import com.chargeline.usage.ingest.CallRecord;
import com.chargeline.usage.ingest.CallValidation;
import com.chargeline.usage.ingest.SmsRecord;
import com.chargeline.usage.ingest.SmsValidation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The whole-file check of {@code chargeline import}, before any batch is ingested: the API's own
 * per-record rules ({@link CallValidation}, {@link SmsValidation}) on every batch the file will be
 * cut into, their {@code records[i].field} errors mapped back to the file's line and column, and ids
 * unique across the whole file (a repeat would otherwise be skipped, or fail after earlier batches
 * were committed).
 */
final class ImportCheck {
    static final int BATCH = CallValidation.MAX_RECORDS;
    private static final Pattern FIELD = Pattern.compile("records\\[(\\d+)]\\.(\\w+)");
    private static final String SAME_BATCH_DUPLICATE = "Duplicate of an earlier record in this request";

    private ImportCheck() {
    }

    /** How a record kind is checked: its id and id column, the batch rules, and the file column of an API field. */
    record Rules<T>(Function<T, String> id, String idField, Consumer<List<T>> validate, BiFunction<T, String, String> column) {
    }

    static Rules<CallRecord> nativeCalls(Clock clock) {
        return new Rules<>(CallRecord::callLogId, "call_log_id", records -> CallValidation.validate(records, clock), (r, f) -> f);
    }

    static Rules<SmsRecord> nativeSms(Clock clock) {
        return new Rules<>(SmsRecord::messageId, "message_id", records -> SmsValidation.validate(records, clock), (r, f) -> f);
    }

    static Rules<CallRecord> asteriskCalls(Clock clock) {
        return new Rules<>(CallRecord::callLogId, "call_log_id", records -> CallValidation.validate(records, clock),
                ImportCheck::asteriskColumn);
    }

    /** The Master.csv column an API field of a call was read from (null: the whole row, for a digest id). */
    static String asteriskColumn(CallRecord r, String field) {
        return switch (field) {
            case "call_log_id" -> r.callLogId() != null && r.callLogId().startsWith("ast-") ? null : "uniqueid";
            case "direction", "caller_number" -> "src";
            case "callee_number" -> "dst";
            case "extension_number" -> r.parties().outbound() ? "src" : "dst";
            case "start_time" -> "start";
            case "answer_time" -> "answer";
            case "end_time" -> "end";
            case "duration_seconds" -> "billsec";
            case "result" -> "disposition";
            default -> field;
        };
    }

    /** Every problem of the parsed records, sorted by line together with the parser's. */
    static <T> List<UsageFiles.Problem> check(UsageFiles.Parsed<T> parsed, Rules<T> rules) {
        var problems = new ArrayList<>(parsed.problems());
        var records = parsed.records();
        var lines = parsed.lines();
        var seen = new HashMap<String, Long>();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            var id = rules.id().apply(r);
            if (id == null) {
                continue;
            }
            var first = seen.putIfAbsent(id, lines.get(i));
            if (first != null) {
                var column = rules.column().apply(r, rules.idField());
                problems.add(new UsageFiles.Problem(lines.get(i), column, column == null
                        ? "repeats line " + first + " (a row without a uniqueid is identified by all its fields)"
                        : "the id " + id + " is also on line " + first + " (ids must be unique in a file)"));
            }
        }
        for (int from = 0; from < records.size(); from += BATCH) {
            var batch = records.subList(from, Math.min(records.size(), from + BATCH));
            try {
                rules.validate().accept(batch);
            } catch (BillingException e) {
                for (var error : e.fieldErrors()) {
                    if (error.message().startsWith(SAME_BATCH_DUPLICATE)) {
                        continue;
                    }
                    var m = FIELD.matcher(error.field());
                    if (m.matches()) {
                        int index = from + Integer.parseInt(m.group(1));
                        problems.add(new UsageFiles.Problem(lines.get(index), rules.column().apply(records.get(index), m.group(2)),
                                error.message()));
                    } else {
                        problems.add(new UsageFiles.Problem(0, null, error.field() + ": " + error.message()));
                    }
                }
                if (e.fieldErrors().isEmpty()) {
                    problems.add(new UsageFiles.Problem(0, null, e.getMessage()));
                }
            }
        }
        problems.sort(null);
        return problems;
    }

    /**
     * The first place the file is not UTF-8, as a problem naming its line (counted by newline bytes,
     * which UTF-8 never uses inside a character) and byte offset; empty when it all decodes.
     */
    static Optional<UsageFiles.Problem> utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var bytes = ByteBuffer.allocate(1 << 16);
        var chars = CharBuffer.allocate(1 << 16);
        long offset = 0;
        long newlines = 0;
        try (var in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    int before = bytes.position();
                    var result = decoder.decode(bytes, chars, end);
                    for (int i = before; i < bytes.position(); i++) {
                        newlines += bytes.get(i) == '\n' ? 1 : 0;
                    }
                    offset += bytes.position() - before;
                    chars.clear();
                    if (result.isError()) {
                        return Optional.of(new UsageFiles.Problem(newlines + 1, null,
                                "not valid UTF-8 (at byte offset " + offset + "); save the file as UTF-8"));
                    }
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
            if (decoder.flush(chars).isError()) {
                return Optional.of(new UsageFiles.Problem(newlines + 1, null, "not valid UTF-8 at the end of the file"));
            }
        }
        return Optional.empty();
    }
}
