package com.chargeline.storage;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Secret keys for signing tokens, one per purpose, created on first use and kept in the database
 * so they survive restarts and are the same for every node on the database.
 */
public final class SigningKeys {
    private SigningKeys() {
    }

    /** The key for {@code purpose} ({@code access_token} or {@code page_token}), creating it if needed. */
    public static byte[] loadOrCreate(Database db, String purpose, int bytes, Clock clock) {
        return db.inTransaction(h -> {
            // Serialise creators so that two nodes starting together agree on one key.
            h.execute("SELECT pg_advisory_xact_lock(hashtext('chargeline.signing_key'))");
            var existing = h.createQuery("SELECT secret FROM signing_key WHERE purpose = :purpose ORDER BY created_at DESC LIMIT 1")
                    .bind("purpose", purpose)
                    .mapTo(byte[].class)
                    .findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            var secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            h.createUpdate("INSERT INTO signing_key (key_id, purpose, secret, created_at) VALUES (:id, :purpose, :secret, :at)")
                    .bind("id", purpose + "-" + clock.millis())
                    .bind("purpose", purpose)
                    .bind("secret", secret)
                    .bind("at", clock.instant())
                    .execute();
            return secret;
        });
    }
}
