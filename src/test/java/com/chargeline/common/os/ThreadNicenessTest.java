package com.chargeline.common.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadNicenessTest {
    @Test
    void lowers_the_calling_thread_alone() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux's /proc/thread-self");
        var result = new AtomicReference<Optional<String>>();
        var nice = new AtomicReference<Integer>();
        var thread = Thread.ofPlatform().start(() -> {
            result.set(ThreadNiceness.lowerCurrentThread(7));
            nice.set(niceOfThisThread());
        });
        thread.join();
        assumeTrue(result.get().isEmpty() || !result.get().get().startsWith("renice could not be run"),
                "needs the renice command");
        assertThat(result.get()).isEmpty();
        assertThat(nice.get()).isEqualTo(7);
        assertThat(niceOfThisThread()).as("the other threads keep theirs").isNotEqualTo(7);
    }

    @Test
    void a_virtual_thread_says_why_not_and_values_are_checked() throws Exception {
        var result = new AtomicReference<Optional<String>>();
        Thread.ofVirtual().start(() -> result.set(ThreadNiceness.lowerCurrentThread(5))).join();
        assertThat(result.get()).contains("a virtual thread has no nice value of its own");
        assertThatThrownBy(() -> ThreadNiceness.lowerCurrentThread(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadNiceness.lowerCurrentThread(20)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Field 19 of /proc/thread-self/stat (after the parenthesised name, which may hold spaces). */
    private static int niceOfThisThread() {
        try {
            var stat = Files.readString(Path.of("/proc/thread-self/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
