package com.chargeline.common.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A rated amount: up to 10 decimals, with its currency (Joda-Money's BigMoney, Lago's precise
 * amounts). Per-call and per-message charges are precise amounts; invoice lines round them once.
 */
public record PreciseAmount(BigDecimal amount, Currency currency) {
    public static final int MAX_SCALE = 10;

    public PreciseAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + amount.scale() + " > " + MAX_SCALE);
        }
    }

    /** An amount given as {@code unscaled × 10^-scale}. */
    public static PreciseAmount ofUnscaled(long unscaled, int scale, Currency currency) {
        return new PreciseAmount(BigDecimal.valueOf(unscaled, scale), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount as a plain decimal string with exactly its scale, as Zoom sends {@code rate} and {@code total_charge}. */
    public String toWire() {
        return amount.toPlainString();
    }
}
