package com.chargeline.usage.rating;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.money.Currencies;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The rate deck CSV format: a header row with exactly these columns, one rate per row. Every bad
 * cell is reported with its line and column; a file with any error imports nothing.
 */
public final class DeckCsv {
    public static final List<String> COLUMNS = List.of("prefix", "destination", "call_type", "rate_per_min",
            "per_call_fee", "first_increment_s", "next_increment_s", "free_seconds", "charge_mode", "currency",
            "effective_from", "effective_to");
    public static final List<String> SMS_COLUMNS = List.of("country", "message_type", "direction", "rate_per_segment",
            "currency");
    private static final int MAX_ERRORS = 100;

    private DeckCsv() {
    }

    public static List<Rate> parseRates(Reader in, String deckCurrency) {
        var errors = new ArrayList<FieldError>();
        var rates = new ArrayList<Rate>();
        for (var row : records(in, COLUMNS)) {
            var line = "line " + (row.getRecordNumber() + 1);
            var cells = new Cells(row, line, errors);
            var prefix = cells.text("prefix").replaceFirst("^\\+", "");
            var type = cells.parse("call_type", v -> CallType.parse(v).orElseThrow(() -> new IllegalArgumentException(
                    "must be one of voip, local, tollfree, international, callCenter")));
            var mode = cells.parse("charge_mode", v -> ChargeMode.parse(v).orElseThrow(() -> new IllegalArgumentException(
                    "must be a Zoom charge mode (per_min, per_call, per_call_per_min, per_min_after_t_duration, "
                            + "per_call_per_min_after_t_duration)")));
            var perMin = cells.parse("rate_per_min", v -> Rate.units(new BigDecimal(v)));
            var perCall = cells.parse("per_call_fee", v -> v.isEmpty() ? 0L : Rate.units(new BigDecimal(v)));
            var first = cells.parse("first_increment_s", Integer::parseInt);
            var next = cells.parse("next_increment_s", Integer::parseInt);
            var free = cells.parse("free_seconds", v -> v.isEmpty() ? 0 : Integer.parseInt(v));
            cells.parse("currency", v -> {
                if (Currencies.parse(v).isEmpty() || !v.equalsIgnoreCase(deckCurrency)) {
                    throw new IllegalArgumentException("must be the deck's currency " + deckCurrency);
                }
                return v;
            });
            var from = cells.parse("effective_from", v -> v.isEmpty() ? Rate.Validity.ALWAYS.from() : LocalDate.parse(v));
            var to = cells.parse("effective_to", v -> v.isEmpty() ? null : LocalDate.parse(v));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            try {
                rates.add(new Rate(rates.size(), new Rate.Destination(prefix, cells.text("destination"), type),
                        new Rate.Price(mode, perMin, perCall, free, new Increments(first, next)),
                        new Rate.Validity(from, to)));
            } catch (IllegalArgumentException | NullPointerException e) {
                if (errors.stream().noneMatch(err -> err.field().startsWith(line + " "))) {
                    errors.add(new FieldError(line, e.getMessage() == null ? "invalid row" : e.getMessage()));
                }
            }
        }
        check(errors, rates.isEmpty());
        return rates;
    }

    public static Map<SmsRates.Key, Long> parseSmsRates(Reader in, String deckCurrency) {
        var errors = new ArrayList<FieldError>();
        var rates = new java.util.LinkedHashMap<SmsRates.Key, Long>();
        for (var row : records(in, SMS_COLUMNS)) {
            var cells = new Cells(row, "line " + (row.getRecordNumber() + 1), errors);
            var country = cells.parse("country", v -> {
                if (!v.equals("*") && !v.matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException("must be an ISO 3166-1 code or *");
                }
                return v;
            });
            var type = cells.parse("message_type", v -> switch (v) {
                case "SMS", "MMS" -> v;
                default -> throw new IllegalArgumentException("must be SMS or MMS");
            });
            var direction = cells.parse("direction", v -> switch (v) {
                case "outbound", "inbound" -> v;
                default -> throw new IllegalArgumentException("must be outbound or inbound");
            });
            var units = cells.parse("rate_per_segment", v -> Rate.units(new BigDecimal(v)));
            cells.parse("currency", v -> {
                if (!v.equalsIgnoreCase(deckCurrency)) {
                    throw new IllegalArgumentException("must be the deck's currency " + deckCurrency);
                }
                return v;
            });
            if (country != null && type != null && direction != null && units != null) {
                rates.put(new SmsRates.Key(country, type, direction), units);
            }
        }
        check(errors, rates.isEmpty());
        return rates;
    }

    public static void writeRates(List<Rate> rates, String currency, Writer out) {
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (var r : rates) {
                var d = r.destination();
                var p = r.price();
                var v = r.validity();
                printer.printRecord(d.prefix(), d.name(), d.callType().wire(), p.perMinute().stripTrailingZeros().toPlainString(),
                        p.perCall().stripTrailingZeros().toPlainString(), p.increments().first(), p.increments().next(),
                        p.freeSeconds(), p.mode().wire(), currency, v.from(), v.toExclusive() == null ? "" : v.toExclusive());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commons CSV reports a row it cannot read (an unbalanced quote) while iterating, as an unchecked I/O error. */
    private static java.util.Iterator<CSVRecord> unreadableAsInvalid(java.util.Iterator<CSVRecord> rows) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (java.io.UncheckedIOException e) {
                    throw notCsv(e);
                }
            }

            @Override
            public CSVRecord next() {
                try {
                    return rows.next();
                } catch (java.io.UncheckedIOException e) {
                    throw notCsv(e);
                }
            }
        };
    }

    private static Invalid notCsv(java.io.UncheckedIOException e) {
        var cause = e.getCause() == null ? e : e.getCause();
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError("body", "Not a readable CSV file: " + cause.getMessage())));
    }

    private static Iterable<CSVRecord> records(Reader in, List<String> columns) {
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(in);
            var header = parser.getHeaderNames();
            if (!header.equals(columns)) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                        "header", "The header must be exactly: " + String.join(",", columns) + " (got " + String.join(",", header) + ").")));
            }
            return () -> unreadableAsInvalid(parser.iterator());
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("body", "Not a readable CSV file: " + e.getMessage())));
        }
    }

    private static void check(List<FieldError> errors, boolean empty) {
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
        if (empty) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("body", "The file holds no rates.")));
        }
    }

    /** One row's cells, recording an error per bad cell. */
    private record Cells(CSVRecord row, String line, List<FieldError> errors) {
        String text(String column) {
            return row.isConsistent() || row.isSet(column) ? row.get(column) : "";
        }

        <T> T parse(String column, Function<String, T> parser) {
            var value = text(column);
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
                var message = e instanceof ArithmeticException ? "has more than 8 decimals"
                        : e instanceof NumberFormatException ? "is not a number" : e.getMessage();
                errors.add(new FieldError(line + " " + column, "'" + value + "' " + message));
                return null;
            }
        }
    }
}
