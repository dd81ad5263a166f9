package com.chargeline.cli;

import com.chargeline.App;
import picocli.CommandLine.Command;

/** {@code chargeline serve}: runs the server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Zoom-compatible and native APIs on the embedded PostgreSQL (or --db-url).")
public final class ServeCommand extends ServingCommand {
    @Override
    void started(App app) {
        System.out.println("Chargeline listening on http://localhost:" + app.port() + " (" + storage.describe() + ")");
        System.out.println("API docs: http://localhost:" + app.port() + "/docs   health: http://localhost:" + app.port() + "/healthz");
    }
}
