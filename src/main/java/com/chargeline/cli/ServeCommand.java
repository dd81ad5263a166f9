package com.chargeline.cli;

import com.chargeline.App;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chargeline serve}: runs the server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Zoom-compatible and native APIs on the embedded PostgreSQL (or --db-url).")
public final class ServeCommand implements Runnable {
    @Mixin
    StorageOptions storage;
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
        var app = App.start(server.config(storage));
        System.out.println("Chargeline listening on http://localhost:" + app.port() + " (" + storage.describe() + ")");
        System.out.println("API docs: http://localhost:" + app.port() + "/docs   health: http://localhost:" + app.port() + "/healthz");
        waitForShutdown(app);
    }

    static void waitForShutdown(App app) {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "chargeline-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
