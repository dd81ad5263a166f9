package com.chargeline.common.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ISO 4217 currencies Chargeline bills in. An allow-list, because {@link Currency} also knows
 * pseudo-currencies (XXX, XAU) whose fraction digits are -1 and cannot scale an invoice amount.
 */
public final class Currencies {
    private static final Set<String> SUPPORTED = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CHF",
            "SEK", "NOK", "DKK", "INR", "SGD", "HKD", "BRL", "MXN", "ZAR", "PLN", "CZK", "ILS", "AED", "CNY", "KRW",
            "PHP");

    private Currencies() {
    }

    public static Optional<Currency> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var upper = code.strip().toUpperCase(Locale.ROOT);
        return SUPPORTED.contains(upper) ? Optional.of(Currency.getInstance(upper)) : Optional.empty();
    }
}
