package com.chargeline.storage;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY ... FROM STDIN} in the {@link CopyCsv} dialect (nulls as an unquoted \N,
 * every other value quoted, quotes doubled), written straight into a buffer. This is the ingest hot
 * path: Commons CSV's general printer cost about a fifth of a batch's CPU here, this costs a few
 * percent (docs/BENCHMARKS.md).
 */
public final class CopyRows {
    private final StringBuilder buffer;
    private boolean first = true;

    public CopyRows(int capacity) {
        this.buffer = new StringBuilder(capacity);
    }

    /** Appends one value of the current row; {@code null} is SQL NULL, anything else its {@code toString()}. */
    public CopyRows add(Object value) {
        if (!first) {
            buffer.append(',');
        }
        first = false;
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        var text = value.toString();
        buffer.append('"');
        if (text.indexOf('"') < 0) {
            buffer.append(text);
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
        }
        buffer.append('"');
        return this;
    }

    /** Appends an instant as PostgreSQL reads a timestamptz ({@code 2026-11-24 10:15:30.5+00}), unquoted. */
    public CopyRows add(Instant value) {
        if (value == null) {
            return add((Object) null);
        }
        if (!first) {
            buffer.append(',');
        }
        first = false;
        var t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            buffer.append('"').append(value).append('"');
            return this;
        }
        buffer.append(year).append('-');
        two(t.getMonthValue()).append('-');
        two(t.getDayOfMonth()).append(' ');
        two(t.getHour()).append(':');
        two(t.getMinute()).append(':');
        two(t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            buffer.append('.');
            var digits = Integer.toString(1_000_000_000 + nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            buffer.append(digits, 1, end);
        }
        buffer.append("+00");
        return this;
    }

    private StringBuilder two(int v) {
        return buffer.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Appends a whole number without quotes (no quoting is ever needed). */
    public CopyRows add(long value) {
        if (!first) {
            buffer.append(',');
        }
        first = false;
        buffer.append(value);
        return this;
    }

    /** Appends a whole row of values. */
    public CopyRows row(Object... values) {
        for (var v : values) {
            if (v instanceof Instant i) {
                add(i);
            } else {
                add(v);
            }
        }
        endRow();
        return this;
    }

    public void endRow() {
        buffer.append('\n');
        first = true;
    }

    public int length() {
        return buffer.length();
    }

    public boolean isEmpty() {
        return buffer.isEmpty();
    }

    @Override
    public String toString() {
        return buffer.toString();
    }

    /** Sends what is buffered to an open COPY and empties the buffer. */
    public void sendTo(CopyIn copy) throws SQLException {
        if (!buffer.isEmpty()) {
            var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
