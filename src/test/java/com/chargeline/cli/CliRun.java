package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Runs {@code serve} and then {@code demo} with {@code args} on a data dir that does not exist, and checks that
     * each stops with exit code 2 and one line of error starting {@code chargeline: <reasonStart>}; the data dir is
     * not made.
     */
    static void refusedByServeAndDemo(String reasonStart, String... args) {
        for (var command : new String[] {"serve", "demo"}) {
            var err = new java.io.StringWriter();
            var cl = ChargelineCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(err));
            cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
            var line = new java.util.ArrayList<>(java.util.List.of(command));
            line.addAll(java.util.List.of(args));
            line.addAll(java.util.List.of("--data-dir", "/nonexistent/never-created"));
            int exit = cl.execute(line.toArray(String[]::new));
            assertThat(exit).as(line + ": " + err).isEqualTo(2);
            assertThat(err.toString().strip().lines()).as(line + ": " + err).hasSize(1);
            assertThat(err.toString()).startsWith("chargeline: " + reasonStart);
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/nonexistent/never-created"))).isFalse();
    }

    /** The one-line reason the command line printed for a failure (its line starting "chargeline: "). */
    String reason() {
        return err.lines().filter(l -> l.startsWith("chargeline: ")).reduce((a, b) -> b).orElse("");
    }
}
