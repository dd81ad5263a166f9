package com.chargeline.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The stop-the-world collections of this JVM so far (their number and summed time, from the collectors' MXBeans;
 * G1's and ZGC's concurrent cycles left out, since they do not stop the application): printed beside a latency series
 * so that a tail made of pauses shows as such. The benchmarks run server and client in one JVM, so these pauses hit
 * both.
 */
record GcPauses(long count, long millis) {
    static GcPauses now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent") && gc.getCollectionCount() > 0) {
                count += gc.getCollectionCount();
                millis += gc.getCollectionTime();
            }
        }
        return new GcPauses(count, millis);
    }

    GcPauses since(GcPauses before) {
        return new GcPauses(count - before.count, millis - before.millis);
    }

    @Override
    public String toString() {
        return count == 0 ? "no GC pause"
                : String.format("GC pauses %d, %d ms (mean %.1f ms)", count, millis, (double) millis / count);
    }
}
