package com.chargeline.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money with its currency (Joda-Money's BigMoney): the one money type from rating output
 * through reports, plans and invoices. Amounts keep the scale they were made with; rounding happens
 * only through the named rules, always half-up and always in the domain, never where an amount is
 * shown:
 * <ul>
 *   <li>{@link #roundedPerRecord(int)}: a rated call or message, to its deck's precision (0 to 8 decimals);</li>
 *   <li>{@link #roundedToMinorUnit()}: an invoice or plan line, to the currency's minor unit (2 for USD,
 *   0 for JPY).</li>
 * </ul>
 * Adding amounts of two currencies is a programming error, never a conversion.
 */
public record Money(BigDecimal amount, Currency currency) {
    /** The most decimals an amount carries (a deck's rates are kept to 10^-8; sums of them to 10^-10 at most). */
    public static final int MAX_SCALE = 10;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("an amount of money has at most " + MAX_SCALE + " decimals: " + amount);
        }
    }

    /** Nothing, in {@code currency}, at scale 0. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** {@code unscaled × 10^-scale} of {@code currency}: how rating hands over a charge it computed in longs. */
    public static Money ofUnscaled(long unscaled, int scale, Currency currency) {
        return new Money(BigDecimal.valueOf(unscaled, scale), currency);
    }

    /** This plus {@code other}, exact; both must be of one currency. */
    public Money plus(Money other) {
        return new Money(amount.add(requireSameCurrency(other).amount), currency);
    }

    /** This minus {@code other}, exact; both must be of one currency. */
    public Money minus(Money other) {
        return new Money(amount.subtract(requireSameCurrency(other).amount), currency);
    }

    /**
     * This times {@code factor} (a quantity, a discount factor), exact: a rounding rule is applied after, by name.
     * Throws when the exact product has more than {@value #MAX_SCALE} decimals; use {@link #timesToMinorUnit} there.
     */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** This times {@code factor} (a tax rate), the exact product rounded by the per-line rule. */
    public Money timesToMinorUnit(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(Math.max(0, currency.getDefaultFractionDigits()),
                RoundingMode.HALF_UP), currency);
    }

    /** The per-record rule: half-up to the deck's precision. */
    public Money roundedPerRecord(int deckPrecision) {
        if (deckPrecision < 0 || deckPrecision > 8) {
            throw new IllegalArgumentException("a deck's precision is 0 to 8 decimals: " + deckPrecision);
        }
        return new Money(amount.setScale(deckPrecision, RoundingMode.HALF_UP), currency);
    }

    /** The per-line rule (invoice and plan lines): half-up to the currency's minor unit. */
    public Money roundedToMinorUnit() {
        return new Money(amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP), currency);
    }

    /** The same amount written with exactly {@code scale} decimals; throws when that would need rounding. */
    public Money withScale(int scale) {
        return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public int signum() {
        return amount.signum();
    }

    /** Equal amounts of one currency, whatever their scales (1.50 USD is 1.5 USD). */
    public boolean isEqualTo(Money other) {
        return amount.compareTo(requireSameCurrency(other).amount) == 0;
    }

    /** The amount as a plain decimal with its scale ({@code 0.0400}), as the wire shows amounts. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    private Money requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
        return other;
    }
}
