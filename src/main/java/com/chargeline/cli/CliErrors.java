package com.chargeline.cli;

import com.chargeline.common.error.BillingException;
import io.javalin.util.JavalinBindException;

/** One-line reasons for failures of a command. */
final class CliErrors {
    private CliErrors() {
    }

    /** Whether {@code e} (or a cause) is bad usage rather than a failure while running. */
    static boolean isUsage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsageError) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsageError) {
                return t.getMessage();
            }
            if (t instanceof JavalinBindException) {
                return "the port is already in use (" + t.getMessage() + "); pick another with --port";
            }
            if (t instanceof BillingException b) {
                return b.getMessage() + (b.fieldErrors().isEmpty() ? "" : " " + b.fieldErrors());
            }
            if (t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return e.getMessage() + (!root.equals(e) ? " (cause: " + root + ")" : "");
    }
}
