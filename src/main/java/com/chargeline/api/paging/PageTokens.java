package com.chargeline.api.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque {@code next_page_token}s: a keyset cursor, the expiry and a digest of the query the page
 * belongs to, HMAC-signed. A token works for 15 minutes, only with the query it came from, and
 * cannot be forged or edited.
 */
public final class PageTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static final int QUERY_BYTES = 12;

    private final SecretKeySpec key;
    private final Clock clock;

    public PageTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    /** A token for the page after {@code cursor} of the query described by {@code boundQuery}. */
    public String issue(String boundQuery, String cursor) {
        var cursorBytes = cursor.getBytes(StandardCharsets.UTF_8);
        var body = ByteBuffer.allocate(8 + QUERY_BYTES + cursorBytes.length)
                .putLong(clock.instant().plus(LIFETIME).getEpochSecond())
                .put(queryDigest(boundQuery))
                .put(cursorBytes)
                .array();
        var out = ByteBuffer.allocate(body.length + MAC_BYTES).put(body).put(mac(body)).array();
        return B64.encodeToString(out);
    }

    /** The cursor inside {@code token}, or empty when it is forged, expired or from another query. */
    public Optional<String> open(String token, String boundQuery) {
        byte[] raw;
        try {
            raw = B64D.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < 8 + QUERY_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        var bodyLength = raw.length - MAC_BYTES;
        var body = new byte[bodyLength];
        var mac = new byte[MAC_BYTES];
        System.arraycopy(raw, 0, body, 0, bodyLength);
        System.arraycopy(raw, bodyLength, mac, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(mac, mac(body))) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(body);
        long expiresAt = buffer.getLong();
        var query = new byte[QUERY_BYTES];
        buffer.get(query);
        if (clock.instant().getEpochSecond() >= expiresAt || !MessageDigest.isEqual(query, queryDigest(boundQuery))) {
            return Optional.empty();
        }
        var cursor = new byte[buffer.remaining()];
        buffer.get(cursor);
        return Optional.of(new String(cursor, StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] body) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            var full = hmac.doFinal(body);
            var truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static byte[] queryDigest(String boundQuery) {
        try {
            var full = MessageDigest.getInstance("SHA-256").digest(boundQuery.getBytes(StandardCharsets.UTF_8));
            var out = new byte[QUERY_BYTES];
            System.arraycopy(full, 0, out, 0, QUERY_BYTES);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
