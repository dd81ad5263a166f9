package com.chargeline.common.id;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's identity. Inside Chargeline it is a UUID; on the wire it is the 22-character
 * URL-safe base64 form of the UUID's 16 bytes, the shape of Zoom's account ids
 * (for example {@code TQTvjT52Tmi_wrhASNNOEw}).
 */
public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    /** The wire form, exactly 22 characters of [A-Za-z0-9_-]. */
    public String wire() {
        return WireIds.encode(value);
    }

    /** Parses the wire form; anything that is not a well-formed id gives an empty result. */
    public static Optional<AccountId> parse(String wire) {
        return WireIds.decode(wire).map(AccountId::new);
    }

    @Override
    public String toString() {
        return wire();
    }
}
