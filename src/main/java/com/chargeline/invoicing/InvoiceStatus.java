package com.chargeline.invoicing;

import java.util.Optional;

/** Where an invoice is in its life: {@code Draft} → {@code Posted} → {@code Paid}, or {@code Draft}/{@code Posted} → {@code Void}. */
public enum InvoiceStatus {
    DRAFT("Draft"),
    POSTED("Posted"),
    PAID("Paid"),
    VOID("Void");

    private final String wire;

    InvoiceStatus(String wire) {
        this.wire = wire;
    }

    /** The stored and wire text ({@code Draft}, {@code Posted}, {@code Paid}, {@code Void}). */
    public String wire() {
        return wire;
    }

    /** The status written exactly as {@link #wire()}; empty for anything else. */
    public static Optional<InvoiceStatus> fromWire(String text) {
        for (var s : values()) {
            if (s.wire.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A stored status; anything else is a broken row. */
    static InvoiceStatus stored(String text) {
        return fromWire(text).orElseThrow(() -> new IllegalStateException("stored invoice status is not valid: " + text));
    }
}
