package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.chargeline.App;
import com.chargeline.LogfmtLayout;
import com.chargeline.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees: the counters and histograms of /metrics after real ingest requests, access lines that
 * parse as logfmt, a re-rating and an invoice run metered and logged, and ingest's bound refusing a batch with 503 and Retry-After while another is stored.
 */
class ObservabilityTest {
    private static final String ROUTE = "/api/v1/accounts/{accountId}/usage/calls";

    private static String calls(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    private static String call(String id, String callee) {
        return UsageFixture.call(id, "outbound", "+14155550100", callee, "1001", 45, "2026-11-20T10:00:45Z");
    }

    @Test
    void metrics_count_received_accepted_duplicate_rejected_and_time_the_ingest_route() {
        try (var server = new TestServer()) {
            var fx = new UsageFixture(server, "Metrics Co");
            var t = fx.master.token();
            assertThat(server.api.post(fx.path("/usage/calls"), t, calls(call("m-a", "+12125550123"),
                    call("m-b", "+12125550124"))).status()).isEqualTo(200);
            // m-b again (a duplicate), m-c new, m-fr to France: stored with a rating error (the deck has no rate)
            var second = server.api.post(fx.path("/usage/calls"), t, calls(call("m-b", "+12125550124"),
                    call("m-c", "+12125550125"), call("m-fr", "+33142685300")));
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.json().get("duplicates").asInt()).isEqualTo(1);
            // one record breaks a rule (its direction): the batch is refused, m-e with it
            var bad = UsageFixture.call("m-d", "sideways", "+14155550100", "+12125550126", "1001", 45,
                    "2026-11-20T10:00:45Z");
            var third = server.api.post(fx.path("/usage/calls"), t, calls(call("m-e", "+12125550127"), bad));
            assertThat(third.status()).as(third.body()).isEqualTo(400);

            var metrics = server.api.get("/metrics", null);
            assertThat(metrics.status()).isEqualTo(200);
            var scrape = metrics.body();
            assertThat(value(scrape, "chargeline_usage_records_received_total", Map.of("kind", "call"))).isEqualTo(7);
            assertThat(value(scrape, "chargeline_usage_records_accepted_total", Map.of("kind", "call"))).isEqualTo(4);
            assertThat(value(scrape, "chargeline_usage_records_duplicate_total", Map.of("kind", "call"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_usage_records_rejected_total",
                    Map.of("kind", "call", "reason", "direction"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_usage_records_rejected_total",
                    Map.of("kind", "call", "reason", "batch_rejected"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_rating_errors_total", Map.of("kind", "call", "reason", "no_rate")))
                    .isEqualTo(1);
            for (var phase : List.of("validate", "prepare", "claim", "rate", "copy", "rollups", "commit")) {
                assertThat(value(scrape, "chargeline_ingest_phase_seconds_count", Map.of("kind", "call", "phase", phase)))
                        .as(phase).isEqualTo(2);
            }
            // the latency histogram of the ingest route template (never the path), by status
            assertThat(value(scrape, "http_server_requests_seconds_bucket",
                    Map.of("route", ROUTE, "status", "200", "method", "POST", "le", "+Inf"))).isEqualTo(2);
            assertThat(value(scrape, "http_server_requests_seconds_bucket",
                    Map.of("route", ROUTE, "status", "400", "method", "POST", "le", "+Inf"))).isEqualTo(1);
            assertThat(value(scrape, "http_server_requests_seconds_bucket",
                    Map.of("route", ROUTE, "status", "200", "method", "POST", "le", "0.05"))).isBetween(0.0, 2.0);
            assertThat(scrape).doesNotContain(fx.master.id() + "/usage");
            assertThat(scrape).containsPattern("chargeline_build_info\\{commit=\"[0-9a-f]{12}|unknown\",version=\"");
            assertThat(scrape).contains("hikaricp_connections_active", "jvm_memory_used_bytes", "jvm_gc_",
                    "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_uptime_seconds",
                    "system_cpu_count", "chargeline_ingest_active");
        }
    }

    @Test
    void metrics_on_their_own_port_ask_for_the_token() throws Exception {
        var ops = new App.Operations(App.Operations.DEFAULT.ingest(), 0, "s3cret");
        try (var server = new TestServer(ops)) {
            assertThat(server.api.get("/metrics", null).status()).isEqualTo(404);
            var port = server.app.metricsPort();
            var client = java.net.http.HttpClient.newHttpClient();
            var url = URI.create("http://127.0.0.1:" + port + "/metrics");
            var none = client.send(HttpRequest.newBuilder(url).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            var wrong = client.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer nope").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            var right = client.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer s3cret").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("chargeline_build_info");
        }
    }

    @Test
    void access_lines_parse_as_logfmt_with_every_key_and_a_4xx_gives_its_reason() {
        var access = (Logger) LoggerFactory.getLogger("chargeline.access");
        var lines = captured(access);
        var layout = layout(lines);
        try (var server = new TestServer()) {
            var fx = new UsageFixture(server, "Logs Co");
            lines.list.clear();
            var ok = server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(call("l-a", "+12125550123")));
            assertThat(ok.status()).isEqualTo(200);
            var bad = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[{\"call_log_id\":\"x\"}]");
            assertThat(bad.status()).isEqualTo(400);

            var parsed = new ArrayList<Map<String, String>>();
            for (var event : List.copyOf(lines.list)) {
                var text = layout.doLayout(event);
                assertThat(text).endsWith(System.lineSeparator());
                assertThat(text.strip()).doesNotContain("\n", "\r");
                parsed.add(logfmt(text.strip()));
            }
            assertThat(parsed).hasSize(2);
            var line = parsed.get(0);
            assertThat(line.keySet()).containsExactly("ts", "level", "logger", "msg", "request_id", "method", "route",
                    "path", "status", "duration_ms", "account_id", "client_id");
            assertThat(line).containsEntry("level", "INFO").containsEntry("logger", "access")
                    .containsEntry("request_id", ok.header("X-Request-Id")).containsEntry("method", "POST")
                    .containsEntry("route", ROUTE).containsEntry("path", fx.path("/usage/calls"))
                    .containsEntry("status", "200").containsEntry("account_id", fx.master.id())
                    .containsEntry("client_id", fx.master.clientId());
            assertThat(line.get("duration_ms")).matches("\\d+\\.\\d{2}");
            var refused = parsed.get(1);
            assertThat(refused).containsEntry("level", "INFO").containsEntry("status", "400")
                    .containsEntry("request_id", bad.header("X-Request-Id"));
            assertThat(refused.get("reason")).startsWith("validation_failed: Validation Failed.")
                    .contains("records[0].direction: Required: inbound or outbound.");
        } finally {
            access.detachAppender(lines);
        }
    }

    @Test
    void a_rerating_and_an_invoice_run_are_metered_and_logged_one_line_each() {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var lines = captured(root);
        var layout = layout(lines);
        try (var server = new TestServer()) {
            var fx = new UsageFixture(server, "Operations Co");
            assertThat(server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(call("o-a", "+12125550123"),
                    call("o-b", "+12125550124"))).status()).isEqualTo(200);
            var w = server.app.wiring();
            var account = com.chargeline.common.id.AccountId.parse(fx.master.id()).orElseThrow();
            lines.list.clear();
            var rerated = w.rerateCalls.rerate(account, java.time.LocalDate.parse("2026-11-01"),
                    java.time.LocalDate.parse("2026-11-30"));
            assertThat(rerated.calls()).isEqualTo(2);
            server.clock.advance(Duration.ofDays(8));
            var run = w.runInvoices.run(java.time.YearMonth.of(2026, 11), null, "test");
            assertThat(run.drafted()).extracting(d -> d.accountId()).contains(account);

            var scrape = server.api.get("/metrics", null).body();
            assertThat(value(scrape, "chargeline_operation_seconds_count", Map.of("operation", "rerate",
                    "outcome", "ok"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_operation_progress_total", Map.of("operation", "rerate",
                    "item", "calls"))).isEqualTo(2);
            assertThat(value(scrape, "chargeline_operation_seconds_count", Map.of("operation", "invoice_run",
                    "outcome", "ok"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_operation_progress_total", Map.of("operation", "invoice_run",
                    "item", "invoices"))).isEqualTo(run.drafted().size());

            var logged = List.copyOf(lines.list).stream().filter(e -> e.getLoggerName().endsWith(".RerateCalls")
                    || e.getLoggerName().endsWith(".RunInvoices")).map(e -> logfmt(layout.doLayout(e).strip())).toList();
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0)).containsEntry("msg", "re-rating").containsEntry("account_id", fx.master.id())
                    .containsEntry("calls", "2").containsKey("duration_ms");
            var invoiceRun = logged.get(1);
            assertThat(invoiceRun).containsEntry("level", "INFO").containsEntry("msg", "invoice run")
                    .containsEntry("month", "2026-11").containsEntry("actor", "test")
                    .containsEntry("drafted", String.valueOf(run.drafted().size()))
                    .containsEntry("refused", String.valueOf(run.refused().size()));
            assertThat(Integer.parseInt(invoiceRun.get("accounts"))).isEqualTo(run.drafted().size()
                    + run.alreadyInvoiced() + run.nothingToBill() + run.notClosed() + run.refused().size());
            assertThat(invoiceRun.get("duration_ms")).matches("\\d+");
        } finally {
            root.detachAppender(lines);
        }
    }

    @Test
    void logfmt_escapes_values_and_keeps_an_exception_on_its_line() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var event = new ch.qos.logback.classic.spi.LoggingEvent("x", context.getLogger("com.chargeline.Some"),
                ch.qos.logback.classic.Level.ERROR, "a \"quoted\" = value\nnext\\line", new IllegalStateException("boom\nbang"),
                null);
        var layout = new LogfmtLayout();
        layout.setContext(context);
        layout.start();
        var text = layout.doLayout(event).strip();
        assertThat(text).doesNotContain("\n");
        var line = logfmt(text);
        assertThat(line).containsEntry("level", "ERROR").containsEntry("logger", "Some")
                .containsEntry("msg", "a \"quoted\" = value\nnext\\line")
                .containsEntry("exception", "java.lang.IllegalStateException: boom\nbang");
        assertThat(line.get("stack_trace")).startsWith("java.lang.IllegalStateException: boom\nbang\n\tat ");
    }

    @Test
    void beyond_its_concurrency_and_queue_wait_ingest_answers_503_with_retry_after_and_stores_nothing()
            throws Exception {
        var ops = new App.Operations(new IngestGate.Limit(1, 1, Duration.ofMillis(300), 0), -1, null);
        try (var server = new TestServer(ops)) {
            var fx = new UsageFixture(server, "Busy Co");
            var t = fx.master.token();
            try (var lock = DriverManager.getConnection(server.dbUrl, "postgres", null)) {
                lock.setAutoCommit(false);
                try (var st = lock.createStatement()) {
                    // holds the first batch inside its slot: its ids cannot be claimed until this rolls back
                    st.execute("LOCK TABLE call_key IN EXCLUSIVE MODE");
                }
                var first = CompletableFuture.supplyAsync(() -> server.api.post(fx.path("/usage/calls"), t,
                        calls(call("g-1", "+12125550123"))));
                awaitBlockedBackend(server.dbUrl);

                var second = server.api.post(fx.path("/usage/calls"), t, calls(call("g-2", "+12125550124")));

                assertThat(second.status()).as(second.body()).isEqualTo(503);
                assertThat(second.header("Retry-After")).isEqualTo("1");
                assertThat(second.json().get("code").asInt()).isEqualTo(503);
                assertThat(second.json().get("message").asText()).startsWith("Ingest is busy");
                lock.rollback();
                assertThat(first.join().status()).isEqualTo(200);
            }
            assertThat(server.api.get(fx.path("/usage/calls/g-1"), t).status()).isEqualTo(200);
            assertThat(server.api.get(fx.path("/usage/calls/g-2"), t).status()).isEqualTo(404);
            var scrape = server.api.get("/metrics", null).body();
            assertThat(value(scrape, "chargeline_ingest_refused_total", Map.of("reason", "wait_timeout"))).isEqualTo(1);
            assertThat(value(scrape, "chargeline_usage_records_received_total", Map.of("kind", "call"))).isEqualTo(1);
        }
    }

    /** Waits until a backend of the server waits for a lock (the first batch, inside its slot). */
    private static void awaitBlockedBackend(String dbUrl) throws Exception {
        try (var c = DriverManager.getConnection(dbUrl, "postgres", null); var st = c.createStatement()) {
            for (int i = 0; i < 200; i++) {
                try (var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the first batch never reached its claim");
    }

    /** The events of {@code logger} from now on (detach the appender when done). */
    private static ListAppender<ILoggingEvent> captured(Logger logger) {
        var lines = new ListAppender<ILoggingEvent>();
        lines.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        lines.start();
        logger.addAppender(lines);
        return lines;
    }

    private static LogfmtLayout layout(ListAppender<ILoggingEvent> lines) {
        var layout = new LogfmtLayout();
        layout.setContext(lines.getContext());
        layout.start();
        return layout;
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}. */
    private static double value(String scrape, String name, Map<String, String> labels) {
        var found = new ArrayList<Double>();
        for (var line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            var close = line.lastIndexOf('}');
            var sampleLabels = new LinkedHashMap<String, String>();
            var m = Pattern.compile("([a-zA-Z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line.substring(name.length() + 1, close));
            while (m.find()) {
                sampleLabels.put(m.group(1), m.group(2));
            }
            if (sampleLabels.entrySet().containsAll(labels.entrySet())) {
                found.add(Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]));
            }
        }
        assertThat(found).as(name + labels + " in\n" + scrape).hasSize(1);
        return found.get(0);
    }

    /**
     * A strict logfmt parser: {@code key=value} pairs separated by one space; a key of letters, digits, {@code _ . -};
     * a value bare (no space, quote, equals or backslash) or quoted with \" \\ \n \r \t \\uXXXX escapes; each key
     * once.
     */
    static Map<String, String> logfmt(String line) {
        var fields = new LinkedHashMap<String, String>();
        int i = 0;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            if (eq <= i) {
                throw new AssertionError("no key at " + i + ": " + line);
            }
            var key = line.substring(i, eq);
            if (!key.matches("[A-Za-z0-9_.-]+")) {
                throw new AssertionError("bad key " + key + ": " + line);
            }
            i = eq + 1;
            var value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new AssertionError("unterminated value of " + key + ": " + line);
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = line.charAt(i++);
                        switch (e) {
                            case '"' -> value.append('"');
                            case '\\' -> value.append('\\');
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> throw new AssertionError("bad escape \\" + e + ": " + line);
                        }
                    } else if (c < 0x20) {
                        throw new AssertionError("raw control character in " + key + ": " + line);
                    } else {
                        value.append(c);
                    }
                }
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    char c = line.charAt(i++);
                    if (c == '"' || c == '=' || c == '\\' || c < 0x20) {
                        throw new AssertionError("bare value of " + key + " holds " + c + ": " + line);
                    }
                    value.append(c);
                }
                if (value.isEmpty()) {
                    throw new AssertionError("empty bare value of " + key + ": " + line);
                }
            }
            if (fields.put(key, value.toString()) != null) {
                throw new AssertionError("key twice: " + key + ": " + line);
            }
            if (i < line.length()) {
                if (line.charAt(i) != ' ' || i + 1 == line.length()) {
                    throw new AssertionError("expected one space at " + i + ": " + line);
                }
                i++;
            }
        }
        return fields;
    }
}
