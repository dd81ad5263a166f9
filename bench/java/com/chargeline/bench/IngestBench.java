package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.api.v1.IngestGate;
import com.chargeline.storage.CopyRows;
import com.chargeline.storage.Storage;
import com.chargeline.usage.rating.DeckCsv;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * End-to-end ingest: batches of 10 000 call records POSTed over HTTP to a running Chargeline
 * (embedded PostgreSQL, synchronous commit as in production) until rated, committed and rolled up.
 * Baseline in the same run: a raw PostgreSQL COPY of the same rated rows into the same table, in the
 * format ingest writes (PostgreSQL's text format, which PostgreSQL also reads a little faster than CSV).
 * Target (docs/BENCHMARKS.md): ingest ≥ 70 % of the COPY rate. Run with bench/ingest.sh.
 */
public final class IngestBench {
    /** Batches sent before measuring, to let the JIT compile the ingest path (with six, the first two rounds still
     * showed twice the JVM CPU of the later ones). */
    private static final int WARMUP = 12;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        // By default as many concurrent clients as the machine has cores: the server's ingest rate at saturation, which
        // is what the target compares with one raw COPY. One client measures a single request/response stream.
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        // The server's ingest bound (serve --ingest-concurrency): by default serve's own, half the cores.
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : IngestGate.Limit.defaults().concurrency();
        // Ingest's CPU priority (serve --ingest-nice): by default serve's own.
        int nice = args.length > 3 ? Integer.parseInt(args[3]) : IngestGate.Limit.DEFAULT_NICE;
        var limit = new IngestGate.Limit(concurrency, 2 * concurrency, Duration.ofSeconds(10), nice);
        var dir = Files.createTempDirectory("chargeline-ingest-bench");
        try {
            run(dir, total, clients, limit);
        } finally {
            com.chargeline.testing.TempDirs.delete(dir);
        }
    }

    private static void run(java.nio.file.Path dir, int total, int clients, IngestGate.Limit limit) throws Exception {
        int batch = 10_000;
        // Rounds of 50 000 records (five batches), each followed by its baseline; the median over the rounds is the result.
        int perRound = 5;
        int rounds = Math.max(1, total / batch / perRound);
        try (var app = App.start(new App.Config(new Storage.Target(dir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                64L << 20, Clock.systemUTC()).with(new App.Operations(limit, -1, null)))) {
            System.out.printf("server ingest bound: %d batch(es) at once, at nice %d%n", limit.concurrency(), limit.nice());
            var w = app.wiring();
            var master = w.createAccount.createMaster(new NewAccount(new Account.Owner(null, "bench@ingest.example",
                    "Bench", "Mark"), "Bench-Mark-2026", "Ingest Bench", AccountOptions.defaults(), "US",
                    NewAccount.Extras.none()));
            var numbers = BenchData.numbers(100_000, 31);
            var deckCsv = new StringWriter();
            DeckCsv.writeRates(BenchData.deck(numbers, 20_000, 32).rates(), "USD", deckCsv);
            var deck = w.createRateDeck.create(master.id(), "Bench", "USD", 4);
            w.importRates.calls(master.id(), deck.deckId(), new StringReader(deckCsv.toString()));
            w.assignRateDeck.assign(master.id(), master.id(), deck.deckId());
            var users = new ArrayList<PhoneUser>();
            for (int u = 0; u < 500; u++) {
                users.add(new PhoneUser(null, new PhoneUser.Identity("User " + u, "user" + u + "@ingest.example",
                        Integer.toString(1000 + u)), new PhoneUser.Attribution("E" + u, "Dept " + (u % 12), "CC-" + (u % 7), "", ""),
                        List.of(String.format("+1415555%04d", u))));
            }
            w.upsertUsers.upsert(master.id(), users);
            var client = w.createApiClient.create(master.id(), List.of(), "bench");
            var token = w.accessTokens.issue(client.client()).token();

            var draws = BenchData.zipf(numbers.size(), 1.0, total + WARMUP * batch, 33);
            var random = new Random(34);
            var now = Instant.now();
            var bodies = new ArrayList<byte[]>();
            for (int b = 0; b < rounds * perRound + WARMUP; b++) {
                var json = new StringBuilder(batch * 220).append('[');
                for (int k = 0; k < batch; k++) {
                    int u = random.nextInt(500);
                    int seconds = random.nextInt(5) == 0 ? 0 : 5 + random.nextInt(900);
                    if (k > 0) {
                        json.append(',');
                    }
                    json.append("{\"call_log_id\":\"").append(b < WARMUP ? "w-" : "r" + (b - WARMUP) / perRound + "-").append(UUID.randomUUID())
                            .append("\",\"direction\":\"outbound\",\"caller_number\":\"").append(String.format("+1415555%04d", u))
                            .append("\",\"callee_number\":\"").append(numbers.get(draws[b * batch + k]))
                            .append("\",\"extension_number\":\"").append(1000 + u)
                            .append("\",\"duration_seconds\":").append(seconds)
                            .append(",\"result\":\"").append(seconds > 0 ? "answered" : "missed")
                            .append("\",\"end_time\":\"").append(now.minusSeconds(random.nextInt(20 * 86_400))).append("\"}");
                }
                bodies.add(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
            }
            var http = HttpClient.newHttpClient();
            var uri = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/accounts/" + master.id().wire() + "/usage/calls");
            for (int b = 0; b < WARMUP; b++) {
                post(http, uri, token, bodies.get(b), batch);
            }
            // Rounds alternate ingest and its baseline, so both see the same machine (it is shared and noisy).
            var ratios = new ArrayList<Double>();
            var parallelRatios = new ArrayList<Double>();
            long measured = (long) perRound * batch;
            for (int round = 0; round < rounds; round++) {
                var next = new java.util.concurrent.atomic.AtomicInteger(WARMUP + round * perRound);
                int end = WARMUP + (round + 1) * perRound;
                // The previous round's baseline left ~100 MB of row text behind in this JVM: collect it now, so that
                // ingest's CPU figures are not charged for the baseline's garbage (and vice versa below).
                System.gc();
                var cpu = CpuTime.sample();
                long start = System.nanoTime();
                try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
                    var futures = new ArrayList<java.util.concurrent.Future<?>>();
                    for (int c = 0; c < clients; c++) {
                        futures.add(pool.submit(() -> {
                            for (int b = next.getAndIncrement(); b < end; b = next.getAndIncrement()) {
                                post(http, uri, token, bodies.get(b), batch);
                            }
                            return null;
                        }));
                    }
                    for (var f : futures) {
                        f.get();
                    }
                }
                double ingestRate = measured / ((System.nanoTime() - start) / 1e9);
                var ingestCpu = CpuTime.sample().minus(cpu);
                var beforeCopy = new CpuTime[1];
                var copyCpu = new CpuTime[1];
                var baselineRate = copyBaseline(w.db, master.id().value(), "r" + round + "-", "b", 1, measured,
                        () -> beforeCopy[0] = CpuTime.sample(), () -> copyCpu[0] = CpuTime.sample().minus(beforeCopy[0]));
                ratios.add(ingestRate / baselineRate);
                System.out.printf("round %d: ingest %.0f records/s (%d records, batches of %d, %d client(s)); raw COPY of the "
                                + "same rows %.0f rows/s; ratio %.0f %%; CPU per 10 000: ingest JVM %.0f + PostgreSQL %.0f ms, "
                                + "COPY PostgreSQL %.0f ms%n", round + 1, ingestRate, measured, batch, clients, baselineRate,
                        100 * ingestRate / baselineRate, ingestCpu.javaMs() * 10_000 / measured,
                        ingestCpu.postgresMs() * 10_000 / measured, copyCpu[0].postgresMs() * 10_000 / measured);
                if (clients > 1) {
                    // Not the target's baseline (that is one COPY), shown so that N clients can also be read against N
                    // COPY streams on the same cores.
                    double parallel = copyBaseline(w.db, master.id().value(), "r" + round + "-", "c", clients, measured,
                            () -> { }, () -> { });
                    parallelRatios.add(ingestRate / parallel);
                    System.out.printf("round %d: the same rows in %d concurrent COPYs: %.0f rows/s; ingest = %.0f %% of that%n",
                            round + 1, clients, parallel, 100 * ingestRate / parallel);
                }
            }
            double median = median(ratios);
            System.out.printf("median ratio %.0f %% of COPY over %d rounds with %d client(s); target 70 %%: %s%n", 100 * median,
                    rounds, clients, median >= 0.7 ? "PASS" : "FAIL");
            if (clients > 1) {
                System.out.printf("median ratio against %d concurrent COPY streams: %.0f %%%n", clients,
                        100 * median(parallelRatios));
            }
            printPhases(w.metrics.registry());
        }
    }

    /** Where a batch's time went: the mean of each phase timer (Metrics.INGEST_PHASE) over all batches, warm-up too. */
    private static void printPhases(io.micrometer.core.instrument.MeterRegistry registry) {
        var out = new StringBuilder("mean per batch of 10 000 (all batches, warm-up included):");
        for (var phase : com.chargeline.common.metrics.Metrics.Phase.values()) {
            for (var timer : registry.find(com.chargeline.common.metrics.Metrics.INGEST_PHASE).tag("phase", phase.tag())
                    .timers()) {
                out.append(String.format(" %s %.1f ms,", phase.tag(), timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS)));
            }
        }
        System.out.println(out.substring(0, out.length() - 1));
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static void post(HttpClient http, URI uri, String token, byte[] body, int batch) throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"accepted\":" + batch)) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static final String COLUMNS = "account_id, end_time, call_log_id, rating_no, current, direction, caller_number, "
            + "caller_billing_number, callee_number, callee_billing_number, call_type, service_type, calling_party_name, "
            + "cost_center, employee_id, department, billing_account_id, start_time, answer_time, duration_seconds, "
            + "result, charge_mode, rate, currency, total_charge, charge_scale, billing_number, forward_number_billing, "
            + "status, rating_error, explanation, rated_at, extension_number";

    /**
     * COPYs the rows the round ingested (call_log_id prefix {@code prefix}) again, under new call_log_ids prefixed
     * {@code tag}, in {@code streams} concurrent COPYs (each its own connection and transaction); returns rows/s.
     */
    private static double copyBaseline(com.chargeline.storage.Database db, UUID account, String prefix, String tag,
                                       int streams, long expected, Runnable before, Runnable after) throws Exception {
        var out = new StringWriter();
        // The same rows for the same account (so into the same part of every index, as ingest writes them), under
        // new call_log_ids. Another account's rows would go into an empty part of the indexes: a cheaper COPY.
        db.jdbi().useHandle(h -> h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT "
                + COLUMNS.replace(" call_log_id,", " '" + tag + "' || call_log_id,") + " FROM rated_call WHERE account_id = '"
                + account + "' AND call_log_id LIKE '" + prefix + "%') TO STDOUT " + CopyRows.OPTIONS, out));
        var lines = out.toString().split("\n");
        if (lines.length != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + lines.length);
        }
        var parts = new ArrayList<String>();
        for (int k = 0; k < streams; k++) {
            var part = new StringBuilder();
            for (int i = k; i < lines.length; i += streams) {
                part.append(lines[i]).append('\n');
            }
            parts.add(part.toString());
        }
        lines = null;
        var handles = new ArrayList<org.jdbi.v3.core.Handle>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(streams)) {
            for (int k = 0; k < streams; k++) {
                handles.add(db.jdbi().open());
            }
            System.gc();
            before.run();
            long t0 = System.nanoTime();
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int k = 0; k < streams; k++) {
                var h = handles.get(k);
                var rows = parts.get(k);
                futures.add(pool.submit(() -> {
                    h.begin();
                    h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY rated_call (" + COLUMNS + ") FROM STDIN " + CopyRows.OPTIONS, new StringReader(rows));
                    h.commit();
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            double rate = expected / ((System.nanoTime() - t0) / 1e9);
            after.run();
            return rate;
        } finally {
            handles.forEach(org.jdbi.v3.core.Handle::close);
        }
    }
}
