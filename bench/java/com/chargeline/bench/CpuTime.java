package com.chargeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from /proc) of this JVM and of every PostgreSQL process on the machine,
 * so a benchmark can say where the work went, not only how long it took. A PostgreSQL process's
 * time includes its reaped children's, so backends of closed connections stay counted (through
 * the postmaster that waited for them).
 */
record CpuTime(double javaMs, double postgresMs) {
    private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

    static CpuTime sample() {
        double pg = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (var p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(p.resolve("comm")).trim().startsWith("postgres")) {
                        pg += ticks(p, true);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
            return new CpuTime(ticks(Path.of("/proc/self"), false) * TICK_MS, pg * TICK_MS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: " + e.getMessage(), e);
        }
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(javaMs - earlier.javaMs, postgresMs - earlier.postgresMs);
    }

    /** User + system time of {@code proc}, plus that of the children it has waited for when {@code children}. */
    private static double ticks(Path proc, boolean children) throws IOException {
        var stat = Files.readString(proc.resolve("stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double own = Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
        return children ? own + Double.parseDouble(fields[13]) + Double.parseDouble(fields[14]) : own;
    }
}
