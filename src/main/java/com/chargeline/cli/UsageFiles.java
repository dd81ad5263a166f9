package com.chargeline.cli;

import com.chargeline.usage.ingest.CallRecord;
import com.chargeline.usage.ingest.SmsRecord;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads usage files. {@code native-csv}: a header row with the API's field names (any order;
 * optional columns may be left out). {@code asterisk}: Asterisk's Master.csv (no header; accountcode,
 * src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration,
 * billsec, disposition, amaflags[, uniqueid, userfield]), rated on billsec; a call from a short
 * number (an extension) is outbound, other calls inbound; unanswered rows are kept with no charge.
 */
final class UsageFiles {
    private static final DateTimeFormatter ASTERISK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Records read, and the problems found with their line numbers. */
    record Parsed<T>(List<T> records, List<String> errors) {
    }

    private UsageFiles() {
    }

    static Parsed<CallRecord> nativeCalls(Reader in) throws IOException {
        return parse(in, true, row -> new CallRecord(get(row, "call_log_id"),
                new CallRecord.Parties(get(row, "direction"), get(row, "caller_number"), get(row, "callee_number"),
                        get(row, "extension_number")),
                new CallRecord.Timing(time(row, "start_time"), time(row, "answer_time"), time(row, "end_time"),
                        number(row, "duration_seconds")),
                new CallRecord.Outcome(get(row, "result"), get(row, "service_type"), "true".equalsIgnoreCase(get(row, "call_center"))),
                new CallRecord.Attribution(get(row, "calling_party_name"), get(row, "cost_center"), get(row, "employee_id"),
                        get(row, "department"), get(row, "billing_number"), get(row, "billing_account_id"),
                        get(row, "caller_billing_number"), get(row, "callee_billing_number"), get(row, "forward_number_billing"))));
    }

    static Parsed<SmsRecord> nativeSms(Reader in) throws IOException {
        return parse(in, true, row -> {
            var segments = number(row, "segments");
            var length = number(row, "text_length");
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
        return parse(in, false, row -> {
            if (row.size() < 16) {
                throw new IllegalArgumentException("expected at least 16 columns of Master.csv, got " + row.size());
            }
            var src = row.get(1).strip();
            var dst = row.get(2).strip();
            boolean outbound = src.replaceAll("[^0-9]", "").length() <= 6;
            var end = LocalDateTime.parse(row.get(11).strip(), ASTERISK_TIME).atZone(zone).toInstant();
            var start = LocalDateTime.parse(row.get(9).strip(), ASTERISK_TIME).atZone(zone).toInstant();
            var answerText = row.get(10).strip();
            Instant answer = answerText.isEmpty() ? null : LocalDateTime.parse(answerText, ASTERISK_TIME).atZone(zone).toInstant();
            long billsec = Long.parseLong(row.get(13).strip());
            boolean answered = "ANSWERED".equalsIgnoreCase(row.get(14).strip());
            var id = row.size() > 16 && !row.get(16).isBlank() ? row.get(16).strip()
                    : "ast-" + Integer.toHexString((src + "|" + dst + "|" + row.get(9) + "|" + row.get(5)).hashCode());
            return new CallRecord(id, new CallRecord.Parties(outbound ? "outbound" : "inbound", src, dst,
                    outbound ? src : dst.length() <= 6 ? dst : null),
                    new CallRecord.Timing(start, answer, end, answered ? billsec : 0L),
                    new CallRecord.Outcome(answered ? "answered" : "missed", "call", false), CallRecord.Attribution.NONE);
        });
    }

    private static <T> Parsed<T> parse(Reader in, boolean header, Function<CSVRecord, T> mapper) throws IOException {
        var format = header ? CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                : CSVFormat.DEFAULT;
        var records = new ArrayList<T>();
        var errors = new ArrayList<String>();
        for (var row : format.parse(in)) {
            long line = row.getRecordNumber() + (header ? 1 : 0);
            try {
                records.add(mapper.apply(row));
            } catch (RuntimeException e) {
                if (errors.size() < 100) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Parsed<>(records, errors);
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        var value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    private static Long number(CSVRecord row, String column) {
        var value = get(row, column);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not a whole number");
        }
    }

    private static Instant time(CSVRecord row, String column) {
        var value = get(row, column);
        try {
            return value == null ? null : com.chargeline.common.time.UtcTimes.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not an ISO-8601 date-time with a zone");
        }
    }
}
