package com.chargeline.storage;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY ... FROM STDIN} in PostgreSQL's text format ({@link #OPTIONS}: tab between
 * values, \N for NULL, backslash escapes for backslash, tab, newline and carriage return), written
 * straight into a buffer. This is the ingest hot path: Commons CSV's general printer cost about a
 * fifth of a batch's CPU here. The text format rather than CSV because a value needs escaping only
 * when it holds a backslash or a control character (CSV doubles every quote, and the stored JSON
 * explanations are full of them), and PostgreSQL reads it a little faster too (docs/BENCHMARKS.md).
 */
public final class CopyRows {
    /** The COPY options for this format (PostgreSQL's default text format). */
    public static final String OPTIONS = "(FORMAT text)";

    private final StringBuilder buffer;
    private boolean first = true;

    public CopyRows(int capacity) {
        this.buffer = new StringBuilder(capacity);
    }

    /** Appends one value of the current row; {@code null} is SQL NULL, anything else its text. */
    public CopyRows add(Object value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        // One String path (a String returns itself): charAt through CharSequence would be a megamorphic call per character.
        String text = value.toString();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' || c < ' ') {
                break;
            }
            i++;
        }
        buffer.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\t' -> buffer.append("\\t");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    private void separate() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }

    /** Appends an instant as PostgreSQL reads a timestamptz ({@code 2026-11-24 10:15:30.5+00}). */
    public CopyRows add(Instant value) {
        if (value == null) {
            return add((Object) null);
        }
        separate();
        var t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            buffer.append(value);
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

    /** Appends a whole number (never needs escaping). */
    public CopyRows add(long value) {
        separate();
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

    /** Forgets every row written so far. */
    void clear() {
        buffer.setLength(0);
        first = true;
    }

    /**
     * Sends what is buffered to an open COPY, at most {@code slice} characters (never half a surrogate pair) at a
     * time, and empties the buffer. Only {@link BulkCopy} sends.
     */
    void sendTo(CopyIn copy, int slice) throws SQLException {
        int n = buffer.length();
        if (n == 0) {
            return;
        }
        if (n <= slice) {
            var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        } else {
            for (int start = 0; start < n; ) {
                int end = Math.min(n, start + slice);
                if (end < n && Character.isHighSurrogate(buffer.charAt(end - 1))) {
                    end++;
                }
                var bytes = buffer.substring(start, end).getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                start = end;
            }
        }
        buffer.setLength(0);
    }
}
