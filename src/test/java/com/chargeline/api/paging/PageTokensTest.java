package com.chargeline.api.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-31T23:59:00Z"));
    private final PageTokens tokens = new PageTokens("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), clock);

    @Test
    void opens_its_own_token_for_the_same_query() {
        var token = tokens.issue("q=1", "10010370005:2");
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.open(token, "q=1")).contains("10010370005:2");
    }

    @Test
    void refuses_another_query_a_changed_byte_another_key_and_garbage() {
        var token = tokens.issue("q=1", "cursor");
        assertThat(tokens.open(token, "q=2")).isEmpty();
        var chars = token.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThat(tokens.open(new String(chars), "q=1")).isEmpty();
        assertThat(new PageTokens("another-key-another-key-another!".getBytes(java.nio.charset.StandardCharsets.UTF_8), clock).open(token, "q=1")).isEmpty();
        assertThat(tokens.open("%%%", "q=1")).isEmpty();
        assertThat(tokens.open("", "q=1")).isEmpty();
    }

    @Test
    void expires_after_15_minutes() {
        var token = tokens.issue("q", "c");
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(tokens.open(token, "q")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.open(token, "q")).isEmpty();
    }
}
