package com.chargeline.storage;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Every bulk write of Chargeline: {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, with rows
 * written through the one encoder ({@link CopyRows}). The only class that talks to the driver's COPY API
 * ({@code ArchitectureTest} keeps it so).
 *
 * <p>Rows may be written before the COPY is {@linkplain #open opened}: they are kept until it is. Once open, the
 * rows go to PostgreSQL in chunks of about {@code chunk} characters as they are written, so the server's work
 * overlaps the caller's. {@link #end} sends the rest and ends the COPY (opening it first when rows are waiting);
 * {@link #cancel} (or {@link #close} before {@code end}) abandons it, and the transaction's rollback discards what
 * was sent. Every driver failure is a {@link CopyFailed} carrying the SQL state; the COPY is cancelled first, so
 * the connection is usable again (for a rollback to a savepoint, say).
 */
public final class BulkCopy implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkCopy.class);
    /** The chunk when none is given: the size of the driver's own reader-fed COPY buffer. */
    public static final int DEFAULT_CHUNK = 1 << 16;

    /** The most characters encoded into one write (rows kept before {@link #open} may be many more). */
    private static final int SLICE = 1 << 20;

    private final String table;
    private final String sql;
    private final int chunk;
    private final CopyRows rows;
    private CopyIn copy;

    private BulkCopy(String table, String columns, int chunk) {
        this.table = table;
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN " + CopyRows.OPTIONS;
        this.chunk = chunk;
        this.rows = new CopyRows(chunk + (1 << 12));
    }

    /** A COPY into {@code table}'s {@code columns} (comma-separated, in the order rows give values), not yet open. */
    public static BulkCopy into(String table, String columns) {
        return into(table, columns, DEFAULT_CHUNK);
    }

    /** As {@link #into(String, String)}, sending in chunks of about {@code chunk} characters once open. */
    public static BulkCopy into(String table, String columns, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive: " + chunk);
        }
        return new BulkCopy(table, columns, chunk);
    }

    /** Starts the COPY on {@code h}'s connection (which it holds until {@link #end} or {@link #cancel}). */
    public BulkCopy open(Handle h) {
        if (copy != null) {
            throw new IllegalStateException("COPY into " + table + " is already open");
        }
        try {
            copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        } catch (SQLException e) {
            throw new CopyFailed(table, e);
        }
        return this;
    }

    public boolean isOpen() {
        return copy != null;
    }

    /**
     * The encoder the current row's values are added to, in column order; finish each row with {@link #endRow}
     * (not {@link CopyRows#endRow}, which would not send a full chunk).
     */
    public CopyRows values() {
        return rows;
    }

    /** Ends the current row; sends a full chunk when open. */
    public void endRow() {
        rows.endRow();
        sendWhenFull();
    }

    private void sendWhenFull() {
        if (copy != null && rows.length() >= chunk) {
            send();
        }
    }

    /** Writes one whole row (an {@link java.time.Instant} as a timestamptz, null as NULL, anything else its text). */
    public BulkCopy row(Object... values) {
        rows.row(values);
        sendWhenFull();
        return this;
    }

    /** Sends what is written so far (a no-op before {@link #open}). */
    public void flush() {
        if (copy != null) {
            send();
        }
    }

    /**
     * Sends the rest and ends the COPY, opening it on {@code h} first when it is not open and rows are waiting;
     * returns the rows PostgreSQL stored (0 when there was nothing to copy).
     */
    public long end(Handle h) {
        if (copy == null) {
            if (rows.isEmpty()) {
                return 0;
            }
            open(h);
        }
        try {
            rows.sendTo(copy, SLICE);
            return copy.endCopy();
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            cancel();
        }
    }

    /** Abandons the COPY (when open) and the rows not yet sent; never throws (a failed cancel is only logged). */
    public void cancel() {
        rows.clear();
        var open = copy;
        copy = null;
        if (open != null && open.isActive()) {
            try {
                open.cancelCopy();
            } catch (SQLException e) {
                LOG.debug("cancelling the COPY into {}: {}", table, e.getMessage());
            }
        }
    }

    /** Cancels a COPY that was not {@linkplain #end ended}. */
    @Override
    public void close() {
        cancel();
    }

    private void send() {
        try {
            rows.sendTo(copy, SLICE);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private CopyFailed failed(SQLException e) {
        cancel();
        return new CopyFailed(table, e);
    }
}
