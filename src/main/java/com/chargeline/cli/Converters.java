package com.chargeline.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Type converters whose messages say what a value should look like, not which Java class failed to parse it. */
final class Converters {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private Converters() {
    }

    static void register(CommandLine cl) {
        cl.registerConverter(LocalDate.class, Converters::date);
        cl.registerConverter(YearMonth.class, Converters::month);
        cl.registerConverter(ZoneId.class, Converters::zone);
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a month (YYYY-MM)");
        }
    }

    static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time zone (an IANA name such as Europe/Paris, or UTC, "
                    + "or an offset such as +02:00)");
        }
    }
}
