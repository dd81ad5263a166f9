package com.chargeline.accounts;

import com.chargeline.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side sessions of the web dashboard: an API client signs in with its id and secret (checked like the token
 * endpoint checks them) and gets a random 256-bit session id, stored only as its SHA-256. A session stands for its
 * client exactly as the client's tokens do (same account, same scopes, refused once the client is revoked), ends
 * when idle for {@code idle} or {@code absolute} after sign-in, and carries a CSRF token of its own.
 */
public final class DashboardSessions {
    /** How long an unused session lives, and how long any session lives at most. */
    public record Limits(Duration idle, Duration absolute) {
        public static final Limits DEFAULT = new Limits(Duration.ofMinutes(30), Duration.ofHours(12));

        public Limits {
            if (!idle.isPositive() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("session limits: idle > 0 and absolute >= idle");
            }
        }
    }

    /** A newly signed-in session: {@code id} goes in the cookie, never anywhere else. */
    public record Opened(String id, Session session) {
    }

    /** A live session: the client it stands for and its CSRF token. */
    public record Session(ApiClient client, String csrfToken) {
    }

    /** The last-seen time is written at most this often (a page load does not always write). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final ApiClientQueries clients;
    private final Clock clock;
    private final Limits limits;

    public DashboardSessions(Database db, ApiClientQueries clients, Clock clock, Limits limits) {
        this.db = db;
        this.clients = clients;
        this.clock = clock;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Signs a client in with its id and secret; empty when they do not authenticate (or the client is revoked). */
    public Optional<Opened> signIn(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.isBlank() || secret.isEmpty()) {
            return Optional.empty();
        }
        return clients.authenticate(clientId.strip(), secret).map(client -> {
            var id = randomToken();
            var csrf = randomToken();
            var now = clock.instant();
            db.inTransaction(h -> {
                var repo = h.attach(DashboardSessionRepository.class);
                repo.purge(now, now.minus(limits.idle()));
                repo.insert(hash(id), client.accountId().value(), client.clientId(), csrf, now,
                        now.plus(limits.absolute()));
                return null;
            });
            return new Opened(id, new Session(client, csrf));
        });
    }

    /** The live session of a cookie's id: not expired, and its client still active for the same account. */
    public Optional<Session> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        var hash = hash(id);
        var now = clock.instant();
        var row = db.withRepository(DashboardSessionRepository.class,
                r -> r.find(hash, now, now.minus(limits.idle())));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var found = row.get();
        var client = clients.active(found.clientId()).filter(c -> c.accountId().value().equals(found.accountId()));
        if (client.isEmpty()) {
            signOut(id);
            return Optional.empty();
        }
        if (found.lastSeenAt().toInstant().plus(TOUCH_EVERY).isBefore(now)) {
            db.withRepository(DashboardSessionRepository.class, r -> {
                r.touch(hash, now);
                return null;
            });
        }
        return Optional.of(new Session(client.get(), found.csrfToken()));
    }

    public void signOut(String id) {
        if (id != null) {
            db.withRepository(DashboardSessionRepository.class, r -> {
                r.delete(hash(id));
                return null;
            });
        }
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String randomToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
