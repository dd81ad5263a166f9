package com.chargeline.common.id;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The 22-character URL-safe base64 form of a UUID that Zoom-shaped ids (accounts, users) take on
 * the wire. Only the canonical encoding decodes, so every id has exactly one spelling.
 */
public final class WireIds {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private WireIds() {
    }

    public static String encode(UUID uuid) {
        var bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return ENCODER.encodeToString(bytes);
    }

    public static Optional<UUID> decode(String wire) {
        if (wire == null || wire.length() != 22 || !wire.chars().allMatch(WireIds::isUrlSafe)) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(DECODER.decode(wire));
        var uuid = new UUID(buffer.getLong(), buffer.getLong());
        // The last character carries two unused bits; only the canonical spelling is accepted.
        return encode(uuid).equals(wire) ? Optional.of(uuid) : Optional.empty();
    }

    private static boolean isUrlSafe(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
