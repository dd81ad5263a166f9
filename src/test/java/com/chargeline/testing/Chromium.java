package com.chargeline.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium driven by Playwright for Java (never a downloaded browser): where it is ({@code
 * CHARGELINE_CHROMIUM}, else {@code /usr/bin/chromium}), what a page did wrong (console errors, page errors, failed
 * requests, 4xx/5xx answers) and full-page screenshots into {@code target/screenshots/} (and {@code docs/screenshots/}
 * with {@code -Dscreenshots.update=true} or {@code CHARGELINE_UPDATE_SCREENSHOTS=1}).
 */
public final class Chromium implements AutoCloseable {
    /** The desktop size and the phone size every page is checked and photographed at. */
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 800;
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path DOCS = Path.of("docs", "screenshots");

    public final Playwright playwright;
    public final Browser browser;

    private Chromium(Path executable) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true));
    }

    /**
     * Chromium launched headless; when there is none, the test fails on CI ({@code CI=true}) and is skipped elsewhere,
     * saying how to install it.
     */
    public static Chromium launch() {
        var configured = System.getenv("CHARGELINE_CHROMIUM");
        var path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            var message = "No Chromium at " + path + " for the dashboard's browser tests: install it (Debian/Ubuntu: "
                    + "apt-get install chromium) or point CHARGELINE_CHROMIUM at a Chromium or Chrome binary.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return new Chromium(path);
    }

    /** A fresh context (its own cookies) at the desktop size, or at the phone size as a mobile device. */
    public BrowserContext context(boolean phone, String baseUrl) {
        var options = new Browser.NewContextOptions().setBaseURL(baseUrl);
        if (phone) {
            options.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        } else {
            options.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        }
        return browser.newContext(options);
    }

    /** True when screenshots also go to docs/screenshots/. */
    public static boolean updateDocs() {
        return Boolean.getBoolean("screenshots.update") || "1".equals(System.getenv("CHARGELINE_UPDATE_SCREENSHOTS"));
    }

    /** A full-page screenshot {@code name}.png into target/screenshots/ (and docs/screenshots/ when updating). */
    public static Path screenshot(Page page, String name) {
        var file = SHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setAnimations(
                com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        if (updateDocs()) {
            try {
                Files.createDirectories(DOCS);
                Files.copy(file, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /**
     * What went wrong in a context's pages: console messages of type error, uncaught page errors, failed requests and
     * answers of 400 or more (a document the test asked to be refused, via {@link #refusalExpected}, excepted, with
     * the console's report of its status).
     */
    public static final class Problems {
        private final List<String> seen = new CopyOnWriteArrayList<>();
        private final Set<String> refusals = ConcurrentHashMap.newKeySet();

        public Problems(BrowserContext context) {
            context.onConsoleMessage(m -> {
                if (m.type().equals("error") && !(m.text().startsWith("Failed to load resource: the server responded "
                        + "with a status of 4") && refusals.stream().anyMatch(u -> m.location().startsWith(u)))) {
                    seen.add("console error at " + m.location() + ": " + m.text());
                }
            });
            context.onWebError(e -> seen.add("page error: " + e.error()));
            context.onRequestFailed(r -> seen.add("request failed: " + r.method() + " " + r.url() + " " + r.failure()));
            context.onResponse(r -> {
                if (r.status() >= 400 && !(r.request().resourceType().equals("document") && refusals.contains(r.url()))) {
                    seen.add(r.status() + " for " + r.request().resourceType() + " " + r.url());
                }
            });
        }

        /** The test expects {@code url} to answer 4xx as a document (a refused page). */
        public void refusalExpected(String url) {
            refusals.add(url);
        }

        public List<String> seen() {
            return List.copyOf(seen);
        }
    }
}
