package com.chargeline.cli;

import com.chargeline.App;
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

    App.Config config(StorageOptions storage) {
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
                new App.AutoInvoicing(autoInvoice, Duration.ofMinutes(10), Duration.ofHours(invoiceReviewHours)));
    }
}
