package com.chargeline.common.system;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lower CPU priority (a higher nice value, {@code setpriority(2)}) for the threads and the PostgreSQL backends of
 * bulk work, so that on a busy machine the scheduler gives the cores to request threads first. On Linux the nice
 * value belongs to a thread, not to its process, so one JVM thread can be lowered alone. Only ever lowered: an
 * unprivileged process cannot raise it back, so a lowered thread or backend must serve bulk work for the rest of its
 * life. Where the call is refused or not available (another OS, a native library that cannot load) the work runs at
 * its normal priority and a line says so, once.
 */
public final class CpuPriority {
    private static final Logger LOG = LoggerFactory.getLogger(CpuPriority.class);
    /** {@code PRIO_PROCESS} of {@code <sys/resource.h>}: {@code who} is a thread (or process) id, 0 the caller. */
    private static final int PRIO_PROCESS = 0;
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** The highest nice value there is: the lowest priority. */
    public static final int MAX_NICE = 19;

    private CpuPriority() {
    }

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** Loaded on first use; null when the C library cannot be reached (then nothing is lowered). */
    private static final class Holder {
        static final LibC LIBC = load();

        private static LibC load() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                warnOnce("not Linux (" + System.getProperty("os.name") + "): a nice value would lower the whole process");
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (LinkageError e) {
                warnOnce("the C library could not be loaded through JNA: " + e.getMessage());
                return null;
            }
        }
    }

    /** Sets the calling thread's nice value to {@code nice} (1 to 19); true when it now runs at it. */
    public static boolean lowerCurrentThread(int nice) {
        return lower(0, nice, "this thread");
    }

    /** Sets the nice value of the process or thread {@code pid} (of this user) to {@code nice}; true when done. */
    public static boolean lowerProcess(long pid, int nice) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        return lower((int) pid, nice, "process " + pid);
    }

    /**
     * Daemon platform threads named {@code prefix} and a number, each at nice value {@code nice} from its start
     * (0: left at the process's priority).
     */
    public static java.util.concurrent.ThreadFactory threads(String prefix, int nice) {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        return command -> Thread.ofPlatform().daemon().name(prefix + counter.incrementAndGet()).unstarted(() -> {
            if (nice > 0) {
                lowerCurrentThread(nice);
            }
            command.run();
        });
    }

    private static boolean lower(int who, int nice, String what) {
        if (nice < 1 || nice > MAX_NICE) {
            throw new IllegalArgumentException("a lower priority is a nice value from 1 to " + MAX_NICE + ": " + nice);
        }
        var libc = Holder.LIBC;
        if (libc == null) {
            return false;
        }
        if (libc.setpriority(PRIO_PROCESS, who, nice) != 0) {
            warnOnce("setpriority(" + what + ", " + nice + ") failed with errno " + Native.getLastError());
            return false;
        }
        return true;
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.info("bulk work runs at normal CPU priority: {}", why);
        }
    }
}
