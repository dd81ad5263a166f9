package com.chargeline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A user's clone has no {@code ../shared}: the tests that read the official specs must then be
 * skipped, never fail. Runs {@link ZoomSpecsTest} as such a clone would (the specs folder pointed
 * at a path that does not exist) and counts what failed and what was skipped.
 */
class UserCloneTest {
    @Test
    void the_spec_tests_skip_without_the_shared_folder() {
        var saved = System.getProperty("chargeline.shared.specs");
        System.setProperty("chargeline.shared.specs", "/nonexistent/user-clone/shared/specs");
        try {
            var listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ZoomSpecsTest.class)).build(), listener);
            var summary = listener.getSummary();
            assertThat(summary.getTotalFailureCount()).as("failures: %s", summary.getFailures()).isZero();
            assertThat(summary.getTestsAbortedCount()).as("tests skipped for want of the specs").isEqualTo(2);
        } finally {
            if (saved == null) {
                System.clearProperty("chargeline.shared.specs");
            } else {
                System.setProperty("chargeline.shared.specs", saved);
            }
        }
    }
}
