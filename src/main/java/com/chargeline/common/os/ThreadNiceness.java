package com.chargeline.common.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the calling platform thread on Linux (its nice value, through {@code renice} on the
 * thread's own id from {@code /proc/thread-self}), so that work it does gives way to other threads when the cores are
 * busy and runs at full speed when they are not. Anything else (another system, no {@code renice}, not permitted) is
 * reported, never thrown: the thread then keeps its priority.
 */
public final class ThreadNiceness {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadNiceness() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (1 to 19: higher is lower priority); returns empty when
     * done, else why not.
     */
    public static Optional<String> lowerCurrentThread(int nice) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("a nice value from 1 to 19, got " + nice);
        }
        if (Thread.currentThread().isVirtual()) {
            return Optional.of("a virtual thread has no nice value of its own");
        }
        String tid;
        try {
            // "<pid>/task/<tid>"
            var link = Files.readSymbolicLink(THREAD_SELF).toString();
            tid = link.substring(link.lastIndexOf('/') + 1);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("no /proc/thread-self (" + e.getMessage() + ")");
        }
        try {
            var renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).start();
            var output = new String(renice.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return Optional.of("renice did not finish in 5 seconds");
            }
            return renice.exitValue() == 0 ? Optional.empty()
                    : Optional.of("renice exited with " + renice.exitValue() + ": " + output.strip());
        } catch (IOException e) {
            return Optional.of("renice could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
