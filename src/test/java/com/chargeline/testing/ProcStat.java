package com.chargeline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Nice values read back from Linux's {@code /proc} (field 19 of {@code proc(5)}'s stat line). */
public final class ProcStat {
    private ProcStat() {
    }

    /** Whether this is a Linux with {@code /proc} per thread. */
    public static boolean available() {
        return Files.isDirectory(Path.of("/proc/thread-self"));
    }

    /** The nice value of process {@code pid} (of its main thread). */
    public static long nice(long pid) {
        return niceOf(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The calling thread's nice value. */
    public static long threadNice() {
        return niceOf(Path.of("/proc/thread-self/stat"));
    }

    private static long niceOf(Path stat) {
        try {
            var line = Files.readString(stat);
            // the fields after the command name, which is in parentheses and may hold spaces: state is field 3
            return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
