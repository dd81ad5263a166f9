package com.chargeline.cli;

import com.chargeline.common.time.UtcTimes;
import com.chargeline.usage.ingest.CallRecord;
import com.chargeline.usage.ingest.SmsRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads usage files. {@code native-csv}: a header row with the API's field names (any order;
 * optional columns may be left out). {@code asterisk}: Asterisk's Master.csv (no header; accountcode,
 * src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration,
 * billsec, disposition, amaflags[, uniqueid[, userfield[, peeraccount, linkedid, sequence]]]), rated on
 * billsec; a call from a short number (an extension) is outbound, other calls inbound; unanswered
 * rows are kept with no charge. Every problem is reported with its line and column; a row with a
 * problem is left out of the records.
 */
final class UsageFiles {
    static final List<String> ASTERISK_COLUMNS = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
            "uniqueid", "userfield", "peeraccount", "linkedid", "sequence");
    private static final DateTimeFormatter ASTERISK_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** What PostgreSQL's timestamptz and our monthly partitions both take. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** One problem of a file: its line (1-based; 0 for the file as a whole), the column when known, what is wrong. */
    record Problem(long line, String column, String message) implements Comparable<Problem> {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line : "file") + (column == null ? "" : ", column " + column) + ": " + message;
        }

        @Override
        public int compareTo(Problem o) {
            return Long.compare(line, o.line);
        }
    }

    /** Records read with the line each starts on, and the problems found. */
    record Parsed<T>(List<T> records, List<Long> lines, List<Problem> problems) {
    }

    /** A value that cannot be read, in {@code column}. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;

        BadValue(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** Reads one CSV row into a record, or throws {@link BadValue}. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(CSVRecord row);
    }

    private UsageFiles() {
    }

    static Parsed<CallRecord> nativeCalls(Reader in) throws IOException {
        return parse(in, CallRecord.FIELDS, row -> talkFits(new CallRecord(get(row, "call_log_id"),
                new CallRecord.Parties(get(row, "direction"), get(row, "caller_number"), get(row, "callee_number"),
                        get(row, "extension_number")),
                new CallRecord.Timing(time(row, "start_time"), time(row, "answer_time"), time(row, "end_time"),
                        number(row, "duration_seconds", Long.MAX_VALUE)),
                new CallRecord.Outcome(get(row, "result"), get(row, "service_type"), bool(row, "call_center")),
                new CallRecord.Attribution(get(row, "calling_party_name"), get(row, "cost_center"), get(row, "employee_id"),
                        get(row, "department"), get(row, "billing_number"), get(row, "billing_account_id"),
                        get(row, "caller_billing_number"), get(row, "callee_billing_number"), get(row, "forward_number_billing")))));
    }

    /** A call whose talk time, derived from answer_time to end_time when no duration is given, fits the database's integer. */
    private static CallRecord talkFits(CallRecord call) {
        if (call.talkSeconds() > Integer.MAX_VALUE) {
            throw new BadValue("answer_time", "answer_time to end_time is " + call.talkSeconds()
                    + " seconds of talk time, more than the database stores (" + Integer.MAX_VALUE + ")");
        }
        return call;
    }

    private static boolean bool(CSVRecord row, String column) {
        var value = get(row, column);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadValue(column, quoted(value) + " is not true or false");
    }

    static Parsed<SmsRecord> nativeSms(Reader in) throws IOException {
        return parse(in, SmsRecord.FIELDS, row -> {
            var segments = number(row, "segments", Integer.MAX_VALUE);
            var length = number(row, "text_length", Integer.MAX_VALUE);
            return new SmsRecord(get(row, "message_id"), get(row, "session_id"), get(row, "message_type"), get(row, "direction"),
                    new SmsRecord.Party(get(row, "from_number"), get(row, "from_extension_number"), get(row, "from_display_name")),
                    new SmsRecord.Party(get(row, "to_number"), get(row, "to_extension_number"), get(row, "to_display_name")),
                    time(row, "sent_time"),
                    new SmsRecord.Size(segments == null ? null : segments.intValue(), length == null ? null : length.intValue(),
                            get(row, "encoding")),
                    new SmsRecord.Attribution(get(row, "billing_number"), get(row, "cost_center"), get(row, "department")));
        });
    }

    static Parsed<CallRecord> asteriskCalls(Reader in, ZoneId zone) throws IOException {
        return parse(in, null, row -> {
            if (row.size() < 16) {
                throw new BadValue(null, "expected at least 16 columns of Master.csv, got " + row.size());
            }
            var src = row.get(1).strip();
            var dst = row.get(2).strip();
            boolean outbound = src.replaceAll("[^0-9]", "").length() <= 6;
            var start = asteriskTime(row, 9, zone);
            var answer = row.get(10).isBlank() ? null : asteriskTime(row, 10, zone);
            var end = asteriskTime(row, 11, zone);
            long billsec = parseNumber("billsec", row.get(13).strip(), Long.MAX_VALUE);
            boolean answered = "ANSWERED".equalsIgnoreCase(row.get(14).strip());
            return new CallRecord(asteriskId(row), new CallRecord.Parties(outbound ? "outbound" : "inbound", src, dst,
                    outbound ? src : dst.length() <= 6 ? dst : null),
                    new CallRecord.Timing(start, answer, end, answered ? billsec : 0L),
                    new CallRecord.Outcome(answered ? "answered" : "missed", "call", false), CallRecord.Attribution.NONE);
        });
    }

    /**
     * The call_log_id of a Master.csv row: Asterisk's uniqueid, with {@code #sequence} when the row
     * has the sequence column (one channel may leave several records); without a uniqueid,
     * {@code ast-} and the SHA-256 (hex) of every field of the row, each prefixed with its length.
     */
    static String asteriskId(CSVRecord row) {
        var uniqueid = row.size() > 16 ? row.get(16).strip() : "";
        if (!uniqueid.isEmpty()) {
            var sequence = row.size() > 20 ? row.get(20).strip() : "";
            return sequence.isEmpty() ? uniqueid : uniqueid + "#" + sequence;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var value : row) {
                var bytes = value.getBytes(StandardCharsets.UTF_8);
                digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
                digest.update(bytes);
            }
            return "ast-" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code known}: the column names a header may hold (null: no header, Asterisk's fixed columns). */
    private static <T> Parsed<T> parse(Reader in, Set<String> known, RowReader<T> reader) throws IOException {
        boolean header = known != null;
        var format = header ? CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                : CSVFormat.DEFAULT;
        var records = new ArrayList<T>();
        var lines = new ArrayList<Long>();
        var problems = new ArrayList<Problem>();
        try (var parser = format.parse(withoutByteOrderMark(in))) {
            var columns = header ? parser.getHeaderNames() : ASTERISK_COLUMNS;
            if (known != null) {
                columns.stream().filter(c -> !known.contains(c)).forEach(c -> problems.add(new Problem(1, c,
                        "is not a field of the native format (a misspelt column would silently be read as not given)")));
            }
            var rows = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber() + 1;
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    var reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    problems.add(new Problem(before, null, "not valid CSV (" + reason + "); nothing after it was read"));
                    break;
                }
                long line = firstLine(parser.getCurrentLineNumber(), row);
                boolean clean = true;
                for (int i = 0; i < row.size(); i++) {
                    if (row.get(i).indexOf('\0') >= 0) {
                        problems.add(new Problem(line, i < columns.size() ? columns.get(i) : "#" + (i + 1),
                                "contains a NUL character, which PostgreSQL cannot store"));
                        clean = false;
                    }
                }
                try {
                    var record = reader.read(row);
                    if (clean) {
                        records.add(record);
                        lines.add(line);
                    }
                } catch (BadValue e) {
                    problems.add(new Problem(line, e.column, e.getMessage()));
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(1, null, "bad header: " + e.getMessage()));
        }
        return new Parsed<>(records, lines, problems);
    }

    /** Spreadsheets write a byte-order mark at the start of "CSV UTF-8"; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        var reader = new java.io.PushbackReader(in, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /**
     * The physical line a record starts on: the parser's line count after reading it is the line the record ends on
     * (blank lines it skipped included), less the line breaks inside its quoted values.
     */
    private static long firstLine(long endLine, CSVRecord row) {
        long inside = 0;
        for (var value : row) {
            inside += value.chars().filter(c -> c == '\n').count();
        }
        return endLine - inside;
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        var value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    private static Long number(CSVRecord row, String column, long max) {
        var value = get(row, column);
        return value == null ? null : parseNumber(column, value, max);
    }

    /** A whole number up to {@code max} (the database column's largest value). */
    private static long parseNumber(String column, String value, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadValue(column, value.matches("[+-]?[0-9]+") ? quoted(value) + " is too large a number"
                    : quoted(value) + " is not a whole number");
        }
        if (parsed > max || parsed < -max - 1) {
            throw new BadValue(column, quoted(value) + " is too large a number (the database stores at most " + max + ")");
        }
        return parsed;
    }

    private static Instant time(CSVRecord row, String column) {
        var value = get(row, column);
        if (value == null) {
            return null;
        }
        try {
            return inRange(column, value, UtcTimes.parse(value));
        } catch (DateTimeException e) {
            throw new BadValue(column, quoted(value) + " is not an ISO-8601 date-time with a zone (2026-11-24T10:15:30Z)");
        }
    }

    private static Instant asteriskTime(CSVRecord row, int index, ZoneId zone) {
        var column = ASTERISK_COLUMNS.get(index);
        var value = row.get(index).strip();
        try {
            return inRange(column, value, LocalDateTime.parse(value, ASTERISK_TIME).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            throw new BadValue(column, quoted(value) + " is not a date and time (YYYY-MM-DD HH:MM:SS)");
        }
    }

    private static Instant inRange(String column, String value, Instant at) {
        if (at.isBefore(FIRST) || at.isAfter(LAST)) {
            throw new BadValue(column, quoted(value) + " is outside the years 1 to 9999");
        }
        return at;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
