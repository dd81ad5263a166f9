package com.chargeline.common.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A country as ISO 3166-1 alpha-2 ({@code US}, {@code GB}): an account's country, in which its numbers
 * are read and its local calls are told from international ones. Parsed once where it enters (a request,
 * a stored row); one rule for every stored value: one that is not a country is an error, never a
 * silent default.
 */
public record CountryCode(String value) {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || !CODES.contains(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + value);
        }
    }

    /** The country {@code text} names (any case, surrounding spaces ignored), if it is an alpha-2 code. */
    public static Optional<CountryCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var code = text.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? Optional.of(new CountryCode(code)) : Optional.empty();
    }

    /** The country of a stored value; throws {@link IllegalStateException} when it names none. */
    public static CountryCode stored(String value) {
        return parse(value).filter(c -> c.value.equals(value)).orElseThrow(() ->
                new IllegalStateException("stored country '" + value + "' is not an ISO 3166-1 alpha-2 code"));
    }

    @Override
    public String toString() {
        return value;
    }
}
