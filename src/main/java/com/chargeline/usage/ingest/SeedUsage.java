package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.common.id.AccountId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeds an account's month with plausible rated usage for benchmarks and demos ({@code chargeline
 * bench seed}). The records go through the real ingest pipeline in batches of 10 000 (rating on the
 * account's deck and plans, COPY into the month's partition, id claims, rollups and plan usage in
 * each batch's transaction), so seeded data is exactly what ingesting the same records would give.
 * Each batch covers the next slice of the month in time order, as records arrive from a switch.
 */
public final class SeedUsage {
    private static final int BATCH = 10_000;
    private final IngestUsage ingest;
    private final DirectoryQueries directory;
    private final Clock clock;

    public SeedUsage(IngestUsage ingest, DirectoryQueries directory, Clock clock) {
        this.ingest = ingest;
        this.directory = directory;
        this.clock = clock;
    }

    /** What was seeded. */
    public record Summary(long calls, long messages, Duration took) {
    }

    /** Told after each batch. */
    public interface Progress {
        void batch(String kind, long done, long total);
    }

    public Summary seed(AccountId account, YearMonth month, long calls, long messages, Progress progress) {
        long t0 = System.nanoTime();
        var from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var latest = clock.instant().minus(Duration.ofMinutes(10));
        var until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (until.isAfter(latest)) {
            until = latest;
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("--month " + month + " has not started yet");
        }
        var users = new ArrayList<PhoneUser>();
        var seen = new java.util.HashSet<java.util.UUID>();
        directory.snapshot(account).byNumber().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .filter(e -> e.getValue().identity().extensionNumber() != null && seen.add(e.getValue().userId()))
                .forEach(e -> users.add(new PhoneUser(e.getValue().userId(), e.getValue().identity(),
                        e.getValue().attribution(), List.of(e.getKey()))));
        if (users.isEmpty()) {
            throw new IllegalArgumentException("account " + account.wire() + " has no directory users with an extension and "
                    + "a phone number: add users to its directory first");
        }
        var random = new Random(month.hashCode() * 31L + account.hashCode());
        var traffic = new SampleTraffic(random, users, 20_000);
        var run = "seed-" + Long.toString(clock.millis(), 36) + "-";
        for (long done = 0; done < calls; ) {
            int n = (int) Math.min(BATCH, calls - done);
            var times = slice(random, from, until, done, n, calls);
            var batch = new ArrayList<CallRecord>(n);
            for (int i = 0; i < n; i++) {
                batch.add(traffic.call(run + "c" + String.format("%010d", done + i), times[i]));
            }
            ingest.calls(account, batch);
            done += n;
            progress.batch("calls", done, calls);
        }
        for (long done = 0; done < messages; ) {
            int n = (int) Math.min(BATCH, messages - done);
            var times = slice(random, from, until, done, n, messages);
            var batch = new ArrayList<SmsRecord>(n);
            for (int i = 0; i < n; i++) {
                batch.add(traffic.message(run + "m" + String.format("%010d", done + i), times[i]));
            }
            ingest.messages(account, batch);
            done += n;
            progress.batch("messages", done, messages);
        }
        return new Summary(calls, messages, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** {@code n} sorted instants in the part of [from, until) that records {@code done .. done + n} of {@code total} cover. */
    private static Instant[] slice(Random random, Instant from, Instant until, long done, int n, long total) {
        long span = Duration.between(from, until).toMillis();
        long start = from.toEpochMilli() + span * done / total;
        long width = Math.max(1, span * (done + n) / total - span * done / total);
        var millis = new long[n];
        for (int i = 0; i < n; i++) {
            millis[i] = (start + (long) (random.nextDouble() * width)) / 1000 * 1000;
        }
        Arrays.sort(millis);
        var out = new Instant[n];
        for (int i = 0; i < n; i++) {
            out[i] = Instant.ofEpochMilli(millis[i]);
        }
        return out;
    }
}
