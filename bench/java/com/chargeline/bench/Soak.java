package com.chargeline.bench;

import com.carrotsearch.hppc.LongHashSet;
import com.chargeline.storage.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: mixed traffic for a while (10 minutes by default) from several clients against several {@code serve}
 * processes on one PostgreSQL, each request sent to the next node in turn (a paging token issued by one node is
 * followed on the other). The clients: two paging through the Zoom call-charge report, one ingesting 1 000-call
 * batches with every fourth batch re-sent on purpose, two reading plans (every 20th request changes the base plan's
 * hosts), one listing invoices and downloading their PDFs, one reading Talkdesk's monthly usage.
 *
 * <p>At the end it prints, per operation, the requests, the statuses and p50/p99/max; every answer other than a 2xx,
 * a 429 (a rate limit: expected) or a 503 with Retry-After (ingest's bound: expected, retried) as an error; the records
 * the database holds against the ids the ingest client was told were accepted (none lost, none twice; the monthly
 * totals grew by exactly as many calls); and each node's resident memory (VmRSS) after the warm-up and at the end.
 * The latencies are also given for the 2xx answers alone (a 429 is answered before the operation's work), and, from
 * the nodes' own {@code http_server_requests} histograms scraped before and after the run, the server's view of
 * each route's 2xx requests (no network, no client: the share under 10, 25, 50 and 100 ms).
 *
 * <p>The read clients are greedy by default: each sends its next request as soon as it has the last answer, 429 or
 * not, so the machine is saturated by the readers themselves. With {@code polite} they behave as Zoom asks its
 * clients to: after a 429 they wait for its {@code Retry-After} before their next request, so what saturates the
 * machine is ingest (which always waits a 429's or 503's Retry-After and sends its batch again).
 *
 * <p>A fourth argument picks the clients, a comma list of {@code reports} (the two report pagers), {@code ingest},
 * {@code plans} (the two plan readers), {@code invoices} and {@code talkdesk}; all of them by default. Issue 14's own
 * case, one node with two report pagers, one ingest client and two plan readers, is
 * {@code bench/soak.sh 300 1 polite reports,ingest,plans}.
 * The nodes run with {@code -Xmx1g} and {@code CHARGELINE_JAVA_OPTS}, as the {@code chargeline} launcher passes it, on
 * the soak's embedded PostgreSQL (they attach to it, as a second {@code serve} on one data dir does), with
 * {@code SOAK_SERVE_ARGS} added to their command line when set.
 * Run with {@code bench/soak.sh [seconds] [nodes] [greedy|polite] [clients]}.
 */
public final class Soak {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final AtomicLong errorCount = new AtomicLong();
    /**
     * Responses complete on the client's selector thread ({@code executor(Runnable::run)}): with the default executor
     * each one is handed to a worker thread first, and on this busy two-core machine that hand-off waited for a core
     * often enough to add 15-20 ms to the clients' p99 of the same server (docs/BENCHMARKS.md, the soak).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> nodes;
    private final AtomicLong turn = new AtomicLong();
    private final boolean polite;
    private final Set<String> mix;
    private static final java.util.SortedSet<String> CLIENTS = java.util.Collections.unmodifiableSortedSet(
            new java.util.TreeSet<>(List.of("reports", "ingest", "plans", "invoices", "talkdesk")));

    private Soak(List<String> nodes, boolean polite, Set<String> mix) {
        this.nodes = nodes;
        this.polite = polite;
        this.mix = mix;
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        int nodeCount = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        var clients = args.length > 2 ? args[2] : "greedy";
        if (!clients.equals("greedy") && !clients.equals("polite")) {
            throw new IllegalArgumentException("the read clients are greedy or polite, not " + clients);
        }
        var mix = Set.of((args.length > 3 ? args[3] : String.join(",", CLIENTS)).split(","));
        if (!CLIENTS.containsAll(mix)) {
            throw new IllegalArgumentException("the clients are a comma list of " + CLIENTS + ", not " + args[3]);
        }
        var dir = Files.createTempDirectory("chargeline-soak-");
        System.out.printf("soak: %d s, %d serve processes on one database, %s read clients %s, data in %s%n", seconds,
                nodeCount, clients, new java.util.TreeSet<>(mix), dir);
        // the nodes serve on this embedded PostgreSQL as `serve --data-dir` does when another process started it
        // (they attach to it), so they run as the default deployment does: backends on this machine
        try (var pg = EmbeddedDatabase.open(dir, Map.of())) {
            var processes = new ArrayList<Process>();
            try {
                var urls = new ArrayList<String>();
                for (int n = 0; n < nodeCount; n++) {
                    int port = 18300 + n;
                    processes.add(node(n == 0 ? "demo" : "serve", dir, port));
                    urls.add("http://127.0.0.1:" + port);
                    // the first node seeds the demo (and migrates) before the others start
                    waitHealthy(urls.get(n), n == 0 ? dir.resolve("demo-credentials.json") : null);
                }
                new Soak(urls, clients.equals("polite"), mix).run(Duration.ofSeconds(seconds), dir, pg.jdbcUrl(), processes);
            } finally {
                for (var p : processes) {
                    p.destroy();
                }
                for (var p : processes) {
                    p.waitFor();
                }
            }
        } finally {
            // a 10-minute run leaves ~9 GB: kept only when asked (to look at the database or the nodes' logs after)
            if (System.getenv("CHARGELINE_SOAK_KEEP") == null) {
                com.chargeline.testing.TempDirs.delete(dir);
            } else {
                System.out.println("kept " + dir + " (CHARGELINE_SOAK_KEEP)");
            }
        }
    }

    private static Process node(String command, Path dir, int port) throws IOException {
        var java = ProcessHandle.current().info().command().orElseThrow();
        // the nodes get what the chargeline launcher would give them: CHARGELINE_JAVA_OPTS, if set
        // --enable-native-access as the jar's manifest gives it (CpuPriority's JNA calls without a warning)
        var line = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
        var options = System.getenv("CHARGELINE_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            line.addAll(Arrays.asList(options.strip().split("\\s+")));
        }
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.chargeline.cli.ChargelineCommand", command,
                "--data-dir", dir.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        // and SOAK_SERVE_ARGS, if set, after their own arguments (for example --ingest-nice 0 for an A/B run)
        var serveArgs = System.getenv("SOAK_SERVE_ARGS");
        if (serveArgs != null && !serveArgs.isBlank()) {
            line.addAll(Arrays.asList(serveArgs.strip().split("\\s+")));
        }
        var builder = new ProcessBuilder(line)
                .redirectErrorStream(true).redirectOutput(dir.resolve("node-" + port + ".log").toFile());
        builder.environment().put("CHARGELINE_LOG_LEVEL", "WARN");
        builder.environment().put("CHARGELINE_ACCESS_LOG", "OFF");
        return builder.start();
    }

    private static void waitHealthy(String base, Path credentials) throws Exception {
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < 1200; i++) {
            try {
                var ok = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                if (ok && (credentials == null || Files.isRegularFile(credentials))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " did not become healthy in 5 minutes");
    }

    private void run(Duration length, Path dir, String dbUrl, List<Process> processes) throws Exception {
        var demo = JSON.readTree(dir.resolve("demo-credentials.json").toFile());
        var master = demo.get("account_id").asText();
        var sub = demo.get("sub_accounts").get(0);
        var masterToken = new Token(this, "grant_type=account_credentials&account_id=" + master,
                demo.get("client_id").asText(), demo.get("client_secret").asText());
        var subToken = new Token(this, "grant_type=account_credentials&account_id=" + sub.get("account_id").asText(),
                sub.get("client_id").asText(), sub.get("client_secret").asText());
        var talkdeskToken = new Token(this, "grant_type=client_credentials&scope=express-accounts-usage:read",
                demo.get("client_id").asText(), demo.get("client_secret").asText());
        var ingest = new Ingest(this, masterToken, sub.get("account_id").asText());
        long before = monthlyCalls(dbUrl, sub.get("account_id").asText());

        var serverBefore = scrapeNodes();
        var clientGcBefore = GcPauses.now();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            if (mix.contains("reports")) {
                threads.add(Thread.ofPlatform().name("pager-" + i).start(() -> loop(() -> pageReport(subToken))));
            }
            if (mix.contains("plans")) {
                threads.add(Thread.ofPlatform().name("plans-" + i).start(() -> loop(new PlanClient(this, masterToken,
                        sub.get("account_id").asText())::next)));
            }
        }
        if (mix.contains("ingest")) {
            threads.add(Thread.ofPlatform().name("ingest").start(() -> loop(ingest::next)));
        }
        if (mix.contains("invoices")) {
            threads.add(Thread.ofPlatform().name("invoices").start(() -> loop(() -> invoices(masterToken,
                    sub.get("account_id").asText()))));
        }
        if (mix.contains("talkdesk")) {
            threads.add(Thread.ofPlatform().name("talkdesk").start(() -> loop(() -> timed("talkdesk usage",
                    get("/express/usage/month?per_page=50", talkdeskToken.get())))));
        }

        Thread.sleep(WARM_UP.toMillis());
        var rssStart = processes.stream().map(Soak::rssKb).toList();
        Thread.sleep(Math.max(0, length.minus(WARM_UP).toMillis()));
        running.set(false);
        for (var t : threads) {
            t.join();
        }
        var rssEnd = processes.stream().map(Soak::rssKb).toList();
        var serverAfter = scrapeNodes();
        var clientGc = GcPauses.now().since(clientGcBefore);

        System.out.printf("%n%-22s %9s %-34s %9s %9s %9s %9s %9s%n", "operation", "requests", "statuses", "p50 ms",
                "p99 ms", "max ms", "2xx p50", "2xx p99");
        new TreeMap<>(stats).forEach((op, s) -> s.print(op));
        printServerSide(histograms(serverBefore), histograms(serverAfter));
        for (int n = 0; n < nodes.size(); n++) {
            var gc = nodeGcPauses(serverAfter.get(n)).since(nodeGcPauses(serverBefore.get(n)));
            System.out.printf("node %d: %s in the run (jvm_gc_pause_seconds)%n", n + 1, gc);
        }
        System.out.printf("the clients' own JVM: %s in the run%n", clientGc);
        System.out.printf("%nerrors (other than 429 and ingest's 503): %d%n", errorCount.get());
        errors.forEach((what, body) -> System.out.println("  " + what + ": " + body));
        ingest.verify(dbUrl, before);
        for (int n = 0; n < processes.size(); n++) {
            System.out.printf("node %d resident memory: %,d KiB after the warm-up, %,d KiB at the end (%+.1f %%)%n", n + 1,
                    rssStart.get(n), rssEnd.get(n), 100.0 * (rssEnd.get(n) - rssStart.get(n)) / rssStart.get(n));
        }
    }

    private static final java.util.regex.Pattern BUCKET = java.util.regex.Pattern.compile(
            "http_server_requests_seconds_bucket\\{method=\"(\\w+)\",route=\"([^\"]+)\",status=\"(2\\d\\d)\","
                    + "le=\"([^\"]+)\"} (\\S+)");

    /** Every node's {@code /metrics} text, in the order of {@link #nodes}. */
    private List<String> scrapeNodes() throws Exception {
        var bodies = new ArrayList<String>();
        for (var node : nodes) {
            bodies.add(http.send(HttpRequest.newBuilder(URI.create(node + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        return bodies;
    }

    /**
     * The 2xx requests of every node's own latency histogram ({@code http_server_requests_seconds}), summed over the
     * nodes: "METHOD route" to its cumulative count per upper bound in seconds (+Inf as infinity).
     */
    private static Map<String, java.util.NavigableMap<Double, Double>> histograms(List<String> scrapes) {
        var all = new TreeMap<String, java.util.NavigableMap<Double, Double>>();
        for (var body : scrapes) {
            var matcher = BUCKET.matcher(body);
            while (matcher.find()) {
                double le = matcher.group(4).equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(matcher.group(4));
                all.computeIfAbsent(matcher.group(1) + " " + matcher.group(2), k -> new TreeMap<>())
                        .merge(le, Double.parseDouble(matcher.group(5)), Double::sum);
            }
        }
        return all;
    }

    private static final java.util.regex.Pattern GC_PAUSE = java.util.regex.Pattern.compile(
            "jvm_gc_pause_seconds_(count|sum)\\{[^}]*} (\\S+)");

    /** A node's stop-the-world collections so far, from Micrometer's {@code jvm_gc_pause_seconds} in its scrape. */
    private static GcPauses nodeGcPauses(String scrape) {
        double count = 0;
        double seconds = 0;
        var matcher = GC_PAUSE.matcher(scrape);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(2));
            if (matcher.group(1).equals("count")) {
                count += value;
            } else {
                seconds += value;
            }
        }
        return new GcPauses(Math.round(count), Math.round(seconds * 1000));
    }

    /**
     * The server's own view of the run, beside the clients': per route, the 2xx requests the nodes timed from their
     * first handler to their last (no network, no client), the share under each of the histogram's bounds up to
     * 100 ms, and the smallest bound that holds 99 % of them. The clients' figures above also hold the time in the
     * kernel, in the HTTP server before the handlers and in the client's own JVM.
     */
    private static void printServerSide(Map<String, java.util.NavigableMap<Double, Double>> before,
                                        Map<String, java.util.NavigableMap<Double, Double>> after) {
        System.out.printf("%nserver side (the nodes' http_server_requests histograms, 2xx, this run)%n"
                + "%-52s %9s %8s %8s %8s %8s %9s%n", "route", "requests", "<= 10ms", "<= 25ms", "<= 50ms", "<= 100ms",
                "p99 <=");
        after.forEach((route, buckets) -> {
            var start = before.getOrDefault(route, new TreeMap<Double, Double>());
            double total = buckets.lastEntry().getValue() - start.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
            if (total < 1 || route.endsWith(" /metrics")) {
                return;
            }
            var shares = new java.util.LinkedHashMap<Double, Double>();
            String p99 = "> 60 s";
            for (var e : buckets.entrySet()) {
                double share = (e.getValue() - start.getOrDefault(e.getKey(), 0.0)) / total;
                shares.put(e.getKey(), share);
                if (share >= 0.99 && p99.startsWith(">")) {
                    p99 = e.getKey().isInfinite() ? "> 60 s" : Math.round(e.getKey() * 1000) + " ms";
                }
            }
            System.out.printf("%-52s %9.0f %7.2f%% %7.2f%% %7.2f%% %7.2f%% %9s%n", route, total,
                    100 * shares.getOrDefault(0.01, 0.0), 100 * shares.getOrDefault(0.025, 0.0),
                    100 * shares.getOrDefault(0.05, 0.0), 100 * shares.getOrDefault(0.1, 0.0), p99);
        });
    }

    private void loop(Step step) {
        while (running.get()) {
            try {
                step.run();
            } catch (Exception e) {
                errorCount.incrementAndGet();
                errors.putIfAbsent(Thread.currentThread().getName() + " " + e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage()));
            }
        }
    }

    /** One step of a client. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private void pageReport(Token token) throws Exception {
        var today = LocalDate.now(ZoneOffset.UTC);
        var base = "/v2/phone/reports/call_charges?from=" + today.minusDays(20) + "&to=" + today + "&page_size=300";
        var page = timed("report page", get(base, token.get()));
        for (int i = 0; i < 4 && page.statusCode() == 200; i++) {
            var next = JSON.readTree(page.body()).path("next_page_token").asText("");
            if (next.isEmpty()) {
                break;
            }
            page = timed("report page", get(base + "&next_page_token=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    token.get()));
        }
    }

    private void invoices(Token token, String account) throws Exception {
        var list = timed("invoice list", get("/v2/accounts/" + account + "/billing/invoices", token.get()));
        if (list.statusCode() == 200) {
            for (var invoice : JSON.readTree(list.body()).path("invoices")) {
                timed("invoice pdf", get("/api/download/billing/invoices/" + invoice.get("id").asText(), token.get()));
                break;
            }
        }
        Thread.sleep(2000);
    }

    HttpResponse<byte[]> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(nextNode() + path)).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        long t0 = System.nanoTime();
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        lastMicros.set((System.nanoTime() - t0) / 1000);
        return response;
    }

    private final ThreadLocal<Long> lastMicros = ThreadLocal.withInitial(() -> 0L);

    String nextNode() {
        return nodes.get((int) (turn.getAndIncrement() % nodes.size()));
    }

    /** Records the last request's latency and status under {@code op}; an unexpected status counts as an error. */
    HttpResponse<byte[]> timed(String op, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        stats.computeIfAbsent(op, k -> new Stats()).add(lastMicros.get(), status);
        boolean expected = status / 100 == 2 || status == 429
                || status == 503 && response.headers().firstValue("Retry-After").isPresent();
        if (!expected) {
            errorCount.incrementAndGet();
            errors.putIfAbsent(op + " " + status, new String(response.body(), StandardCharsets.UTF_8)
                    .substring(0, Math.min(300, response.body().length)));
        }
        if (polite && status == 429 && !op.startsWith("ingest")) {
            pause(response);
        }
        return response;
    }

    /** Waits for a 429's or 503's Retry-After (seconds, or the instant a daily quota resets), or the end of the run. */
    void pause(HttpResponse<byte[]> response) {
        var retry = response.headers().firstValue("Retry-After").orElse("1");
        long until = System.currentTimeMillis() + Math.max(100, retry.matches("\\d+") ? Long.parseLong(retry) * 1000
                : Duration.between(Instant.now(), Instant.parse(retry)).toMillis());
        try {
            while (running.get() && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long rssKb(Process process) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    static long monthlyCalls(String dbUrl, String wireAccount) throws Exception {
        try (var c = DriverManager.getConnection(dbUrl, "postgres", null);
             var s = c.prepareStatement("SELECT coalesce(sum(records), 0) FROM usage_lines_monthly WHERE account_id = ? "
                     + "AND kind = 'call'")) {
            s.setObject(1, com.chargeline.common.id.AccountId.parse(wireAccount).orElseThrow().value());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Latencies (µs) and statuses of one operation. */
    private static final class Stats {
        private final Samples all = new Samples();
        private final Samples ok = new Samples();
        private final Map<Integer, Integer> statuses = new TreeMap<>();

        synchronized void add(long us, int status) {
            all.add(us);
            if (status / 100 == 2) {
                ok.add(us);
            }
            statuses.merge(status, 1, Integer::sum);
        }

        synchronized void print(String op) {
            var sorted = all.sorted();
            var sortedOk = ok.sorted();
            System.out.printf("%-22s %9d %-34s %9.1f %9.1f %9.1f %9s %9s%n", op, sorted.length, statuses.toString(),
                    median(sorted), percentile99(sorted), sorted[sorted.length - 1] / 1000.0,
                    sortedOk.length == 0 ? "" : String.format("%.1f", median(sortedOk)),
                    sortedOk.length == 0 ? "" : String.format("%.1f", percentile99(sortedOk)));
        }

        private static double median(long[] sorted) {
            return sorted[sorted.length / 2] / 1000.0;
        }

        private static double percentile99(long[] sorted) {
            return sorted[(int) Math.min(sorted.length - 1, (long) sorted.length * 99 / 100)] / 1000.0;
        }
    }

    /** Latencies in microseconds, in a growing array. */
    private static final class Samples {
        private long[] micros = new long[1024];
        private int count;

        void add(long us) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = us;
        }

        long[] sorted() {
            var sorted = Arrays.copyOf(micros, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** A bearer token from POST /oauth/token, renewed ten minutes before it expires. */
    static final class Token {
        private final Soak soak;
        private final String query;
        private final String basic;
        private String token;
        private Instant renewAt = Instant.MIN;

        Token(Soak soak, String query, String clientId, String secret) {
            this.soak = soak;
            this.query = query;
            this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
        }

        synchronized String get() throws Exception {
            if (Instant.now().isAfter(renewAt)) {
                var response = soak.send(HttpRequest.newBuilder(URI.create(soak.nextNode() + "/oauth/token"))
                        .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(query)));
                soak.timed("oauth token", response);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("token: " + response.statusCode());
                }
                token = JSON.readTree(response.body()).get("access_token").asText();
                renewAt = Instant.now().plus(Duration.ofMinutes(50));
            }
            return token;
        }
    }

    /** Plan reads; every 20th request changes the base plan's hosts (12 and 13 in turn). */
    static final class PlanClient {
        private final Soak soak;
        private final Token token;
        private final String account;
        private long n;

        PlanClient(Soak soak, Token token, String account) {
            this.soak = soak;
            this.token = token;
            this.account = account;
        }

        void next() throws Exception {
            n++;
            if (n % 20 == 0) {
                var body = "{\"type\":\"business_monthly\",\"hosts\":" + (12 + (n / 20) % 2) + "}";
                soak.timed("plan change", soak.send(HttpRequest.newBuilder(URI.create(soak.nextNode() + "/v2/accounts/"
                        + account + "/plans/base")).header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))));
            } else {
                soak.timed("plan read", soak.get("/v2/accounts/" + account + "/plans", token.get()));
            }
        }
    }

    /**
     * 1 000-call batches into one sub account, every fourth batch the previous one again (all duplicates). Keeps the ids
     * the server said it accepted; a 429 or 503 waits its Retry-After and sends the batch again.
     */
    static final class Ingest {
        private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                .withZone(ZoneOffset.UTC);
        private final Soak soak;
        private final Token token;
        private final String account;
        /**
         * The accepted ids, each as its batch and index ({@link #key}): millions of them as strings in a HashSet
         * made this JVM's own collections pause 30-86 ms, which every request in flight then counted as latency.
         */
        private final LongHashSet accepted = new LongHashSet();
        private long resent;
        private long resentDuplicates;
        private long batches;
        private String previous;
        private List<String> previousIds = List.of();
        private final long run = System.currentTimeMillis();

        Ingest(Soak soak, Token token, String account) {
            this.soak = soak;
            this.token = token;
            this.account = account;
        }

        void next() throws Exception {
            batches++;
            boolean again = batches % 4 == 0 && previous != null;
            String body;
            List<String> ids;
            if (again) {
                body = previous;
                ids = previousIds;
            } else {
                ids = new ArrayList<>(1000);
                var calls = new StringBuilder("[");
                var now = Instant.now();
                for (int i = 0; i < 1000; i++) {
                    var id = "soak-" + run + "-" + batches + "-" + i;
                    ids.add(id);
                    calls.append(i == 0 ? "" : ",").append("{\"call_log_id\":\"").append(id)
                            .append("\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"")
                            .append(i % 5 == 0 ? "+442071838750" : "+1212555" + String.format("%04d", i))
                            .append("\",\"duration_seconds\":").append(i % 7 == 0 ? 0 : 20 + i % 300)
                            .append(",\"result\":\"").append(i % 7 == 0 ? "missed" : "answered")
                            .append("\",\"end_time\":\"").append(ZULU.format(now.minusSeconds(i))).append("\"}");
                }
                body = calls.append(']').toString();
            }
            HttpResponse<byte[]> response;
            while (true) {
                response = soak.timed("ingest 1000 calls", soak.send(HttpRequest.newBuilder(URI.create(soak.nextNode()
                        + "/api/v1/accounts/" + account + "/usage/calls")).header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
                if ((response.statusCode() == 429 || response.statusCode() == 503)
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    soak.pause(response);
                    if (soak.running.get()) {
                        continue;
                    }
                }
                break;
            }
            if (response.statusCode() != 200) {
                return;
            }
            JsonNode result = JSON.readTree(response.body());
            var duplicates = new HashSet<String>();
            result.path("duplicate_ids").forEach(d -> duplicates.add(d.asText()));
            if (again) {
                resent++;
                resentDuplicates += duplicates.size();
            }
            for (var id : ids) {
                if (!duplicates.contains(id)) {
                    if (!accepted.add(key(id))) {
                        throw new IllegalStateException(id + " accepted twice");
                    }
                }
            }
            previous = body;
            previousIds = ids;
        }

        /** {@code soak-<run>-<batch>-<index>} as batch × 1000 + index (a batch holds 1 000 calls). */
        private long key(String id) {
            int index = id.lastIndexOf('-');
            int batch = id.lastIndexOf('-', index - 1);
            if (!id.startsWith("soak-" + run + "-") || batch != ("soak-" + run).length()) {
                throw new IllegalStateException("not an id of this run: " + id);
            }
            return Long.parseLong(id, batch + 1, index, 10) * 1000 + Integer.parseInt(id, index + 1, id.length(), 10);
        }

        void verify(String dbUrl, long monthlyBefore) throws Exception {
            var stored = new LongHashSet();
            long rows = 0;
            try (var c = DriverManager.getConnection(dbUrl, "postgres", null);
                 var s = c.prepareStatement("SELECT call_log_id FROM call_key WHERE call_log_id LIKE ?")) {
                // millions of ids: streamed (a cursor needs a transaction), not held twice in the driver
                c.setAutoCommit(false);
                s.setFetchSize(50_000);
                s.setString(1, "soak-" + run + "-%");
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.add(key(rs.getString(1)));
                        rows++;
                    }
                }
            }
            long lost = 0;
            for (var id : accepted) {
                lost += stored.contains(id.value) ? 0 : 1;
            }
            long unexpected = 0;
            for (var id : stored) {
                unexpected += accepted.contains(id.value) ? 0 : 1;
            }
            long grown = monthlyCalls(dbUrl, account) - monthlyBefore;
            System.out.printf("ingest: %,d calls accepted in %,d batches (%,d re-sent batches: %,d of their calls answered "
                            + "as duplicates); stored %,d rows with %,d ids: %d lost, %d stored without being accepted, %d "
                            + "twice; the monthly totals grew by %,d calls (%s)%n", accepted.size(), batches, resent,
                    resentDuplicates, rows, stored.size(), lost, unexpected, rows - stored.size(), grown,
                    grown == accepted.size() ? "exactly the accepted" : "NOT the accepted count");
        }
    }
}
