package com.chargeline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM with System.out and System.err captured: exit code, output and errors in order. */
record CliRun(int exit, String out, String err) {
    static synchronized CliRun of(String... args) {
        var originalOut = System.out;
        var originalErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = ChargelineCommand.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one-line reason the command line printed for a failure (its line starting "chargeline: "). */
    String reason() {
        return err.lines().filter(l -> l.startsWith("chargeline: ")).reduce((a, b) -> b).orElse("");
    }
}
