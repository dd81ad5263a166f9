package com.chargeline.storage;

import java.sql.SQLException;

/**
 * The one exception a {@link BulkCopy} throws: PostgreSQL refused the COPY (a constraint, a value its type cannot
 * read, an aborted transaction) or the connection failed. The {@link SQLException} stays its cause, so its SQL state
 * is still there for whoever can act on it: a unique violation a caller falls back from, or a deadlock
 * {@link Database#inTransactionRetrying} runs again.
 */
public final class CopyFailed extends IllegalStateException {
    private static final String UNIQUE_VIOLATION = "23505";

    CopyFailed(String table, SQLException cause) {
        super("COPY into " + table + " failed: " + cause.getMessage(), cause);
    }

    /** PostgreSQL's SQLSTATE for the refusal ({@code 23505}, {@code 22P02}, ...), or null when the driver gave none. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** A row repeated a key a unique index already holds (SQLSTATE 23505). */
    public boolean uniqueViolation() {
        return UNIQUE_VIOLATION.equals(sqlState());
    }
}
