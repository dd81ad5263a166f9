package com.chargeline.cli;

import com.chargeline.App;
import com.chargeline.api.limits.RateRules;
import com.chargeline.api.v1.IngestGate;
import com.chargeline.common.system.CpuPriority;
import com.chargeline.invoicing.Seller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that serve HTTP. */
public final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL clients reach this server at, returned as api_url by /oauth/token (default: from the request).")
    String publicUrl;

    @Option(names = "--max-body-bytes", defaultValue = "16777216",
            description = "Largest accepted request body in bytes (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--auto-invoice", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the invoices of each month once it has closed in each account's time zone, and post"
                    + " them after the review period (default: on; --no-auto-invoice to run them with 'chargeline invoice run').")
    boolean autoInvoice;

    @Option(names = "--invoice-review-hours", defaultValue = "72", paramLabel = "HOURS",
            description = "Hours a drafted invoice waits for review before it is posted (default: ${DEFAULT-VALUE}; 0 posts at once).")
    int invoiceReviewHours;

    @Option(names = "--seller-file", paramLabel = "FILE",
            description = "Properties file with the seller block of invoice PDFs: name, address.1 ... address.6, email, "
                    + "tax_id (default: a \"Chargeline\" block).")
    Path sellerFile;

    @Option(names = "--rate-limits", defaultValue = "on", paramLabel = "on|off",
            description = "Zoom's rate limits per account, and ours on the native and Talkdesk APIs (default: ${DEFAULT-VALUE};"
                    + " off serves every request).")
    String rateLimits;

    @Option(names = "--rate-limit-rules", paramLabel = "FILE",
            description = "JSON file with the rate-limit rules to use instead of the built-in ones (see README, Rate limits).")
    Path rateLimitRules;

    @Option(names = "--ingest-concurrency", paramLabel = "N",
            description = "Usage batches stored at once; the others wait (default: half the cores, at least 1).")
    Integer ingestConcurrency;

    @Option(names = "--ingest-queue", paramLabel = "N",
            description = "Usage batches that may wait for a turn; one more is refused with 503 and Retry-After"
                    + " (default: twice --ingest-concurrency).")
    Integer ingestQueue;

    @Option(names = "--ingest-wait-seconds", defaultValue = "10", paramLabel = "SECONDS",
            description = "Longest a usage batch waits for its turn before it is refused with 503 and Retry-After"
                    + " (default: ${DEFAULT-VALUE}).")
    int ingestWaitSeconds;

    @Option(names = "--ingest-nice", paramLabel = "N",
            description = "CPU priority of ingest's threads and, on the embedded PostgreSQL, of its database backends,"
                    + " as a nice value: 0 runs ingest at the server's priority, 1 to 19 lower, so that reads get the"
                    + " cores first while ingest keeps them busy (default: " + IngestGate.Limit.DEFAULT_NICE + ").")
    Integer ingestNice;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics on this port only, not on --port (default: on --port).")
    Integer metricsPort;

    @Option(names = "--metrics-token", paramLabel = "TOKEN",
            description = "/metrics answers only requests with Authorization: Bearer TOKEN, others get 401"
                    + " (default: no token; or set CHARGELINE_METRICS_TOKEN).")
    String metricsToken;

    App.Config config(StorageOptions storage) {
        var seller = seller();
        if (invoiceReviewHours < 0) {
            throw new UsageError("--invoice-review-hours must be 0 or more, got " + invoiceReviewHours);
        }
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be from 0 to 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new UsageError("--max-body-bytes must be at least 1, got " + maxBodyBytes);
        }
        return new App.Config(storage.serverTarget(), host, port, publicUrl, maxBodyBytes, Clock.systemUTC(),
                App.Config.REPORT_WORKER_EVERY,
                new App.AutoInvoicing(autoInvoice, Duration.ofMinutes(10), Duration.ofHours(invoiceReviewHours)), seller,
                rateRules(), operations());
    }

    /** The rules of {@code --rate-limit-rules} or the built-in ones, or null with {@code --rate-limits off}. */
    RateRules rateRules() {
        if (!rateLimits.equals("on") && !rateLimits.equals("off")) {
            throw new UsageError("--rate-limits must be on or off, got " + rateLimits);
        }
        if (rateLimits.equals("off")) {
            return null;
        }
        try {
            return rateLimitRules == null ? RateRules.defaults() : RateRules.fromFile(rateLimitRules);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--rate-limit-rules " + e.getMessage());
        }
    }

    /** The ingest bound and the metrics options; a value out of range is a usage error. */
    App.Operations operations() {
        var defaults = IngestGate.Limit.defaults();
        int concurrency = ingestConcurrency == null ? defaults.concurrency() : ingestConcurrency;
        if (concurrency < 1) {
            throw new UsageError("--ingest-concurrency must be at least 1, got " + concurrency);
        }
        int queue = ingestQueue == null ? 2 * concurrency : ingestQueue;
        if (queue < 0) {
            throw new UsageError("--ingest-queue must be 0 or more, got " + queue);
        }
        if (ingestWaitSeconds < 0) {
            throw new UsageError("--ingest-wait-seconds must be 0 or more, got " + ingestWaitSeconds);
        }
        int nice = ingestNice == null ? defaults.nice() : ingestNice;
        if (nice < 0 || nice > CpuPriority.MAX_NICE) {
            throw new UsageError("--ingest-nice must be from 0 to " + CpuPriority.MAX_NICE + ", got " + nice);
        }
        if (metricsPort != null && (metricsPort < 1 || metricsPort > 65535)) {
            throw new UsageError("--metrics-port must be from 1 to 65535, got " + metricsPort);
        }
        var token = metricsToken != null ? metricsToken : System.getenv("CHARGELINE_METRICS_TOKEN");
        if (token != null && token.isBlank()) {
            throw new UsageError("--metrics-token must not be blank");
        }
        return new App.Operations(new IngestGate.Limit(concurrency, queue, Duration.ofSeconds(ingestWaitSeconds), nice),
                metricsPort == null ? -1 : metricsPort, token);
    }

    /** The seller block from {@code --seller-file}, or the default; an unreadable or bad file is a usage error. */
    Seller seller() {
        if (sellerFile == null) {
            return Seller.DEFAULT;
        }
        var properties = new Properties();
        try (var in = Files.newBufferedReader(sellerFile, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("--seller-file " + sellerFile + " cannot be read: " + e.getMessage());
        }
        try {
            return Seller.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--seller-file " + sellerFile + ": " + e.getMessage());
        }
    }
}
