package com.chargeline;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.TreeMap;

/**
 * One logfmt line per event: {@code ts}, {@code level}, {@code logger} (its last name), {@code msg}, then the MDC's
 * entries ({@code request_id}) and the event's key-value pairs, each its own key, then an exception as
 * {@code exception} (class and message) and {@code stack_trace} (the whole trace, its line breaks escaped): never a
 * second line. A value is written bare when it holds no space, quote, equals sign, backslash or control character,
 * else in double quotes with {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX}
 * escapes. A key is reduced to letters, digits, {@code _ . -}. A key already written (an MDC entry that is also a
 * key-value pair) is not written twice.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    @Override
    public String doLayout(ILoggingEvent event) {
        var line = new StringBuilder(256);
        var written = new HashSet<String>();
        field(line, written, "ts", TS.format(Instant.ofEpochMilli(event.getTimeStamp())));
        field(line, written, "level", event.getLevel().toString());
        var logger = event.getLoggerName();
        field(line, written, "logger", logger.substring(logger.lastIndexOf('.') + 1));
        field(line, written, "msg", event.getFormattedMessage());
        var pairs = event.getKeyValuePairs();
        var pairKeys = new HashSet<String>();
        if (pairs != null) {
            pairs.forEach(p -> pairKeys.add(key(p.key)));
        }
        new TreeMap<>(event.getMDCPropertyMap()).forEach((k, v) -> {
            if (!pairKeys.contains(key(k))) {
                field(line, written, k, v);
            }
        });
        if (pairs != null) {
            pairs.forEach(p -> field(line, written, p.key, p.value == null ? null : String.valueOf(p.value)));
        }
        var thrown = event.getThrowableProxy();
        if (thrown != null) {
            field(line, written, "exception", thrown.getClassName() + ": " + thrown.getMessage());
            field(line, written, "stack_trace", ThrowableProxyUtil.asString(thrown));
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static void field(StringBuilder line, java.util.Set<String> written, String rawKey, String value) {
        var key = key(rawKey);
        if (!written.add(key)) {
            return;
        }
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        value(line, value == null ? "" : value);
    }

    /** A logfmt key: the characters of {@code raw} that may stand in a key, others as {@code _}. */
    static String key(String raw) {
        var key = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            key.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') ? c : '_');
        }
        return key.isEmpty() ? "_" : key.toString();
    }

    static void value(StringBuilder line, String value) {
        if (!value.isEmpty() && bare(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private static boolean bare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
