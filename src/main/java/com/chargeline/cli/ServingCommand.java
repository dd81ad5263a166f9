package com.chargeline.cli;

import com.chargeline.App;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Mixin;

/** A command that starts the server on its storage, says what is running, and serves until stopped. */
abstract class ServingCommand implements Runnable {
    @Mixin
    StorageOptions storage;
    @Mixin
    ServerOptions server;

    /** Told once the server listens: seed, print what a user needs. */
    abstract void started(App app);

    @Override
    public final void run() {
        var app = App.start(server.config(storage));
        started(app);
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
