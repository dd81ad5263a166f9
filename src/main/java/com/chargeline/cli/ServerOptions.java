package com.chargeline.cli;

import com.chargeline.App;
import java.time.Clock;
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

    App.Config config(StorageOptions storage) {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be from 0 to 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new UsageError("--max-body-bytes must be at least 1, got " + maxBodyBytes);
        }
        return new App.Config(storage.serverTarget(), host, port, publicUrl, maxBodyBytes, Clock.systemUTC(),
                App.Config.REPORT_WORKER_EVERY);
    }
}
