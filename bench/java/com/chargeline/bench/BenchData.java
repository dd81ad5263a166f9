package com.chargeline.bench;

import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.ChargeMode;
import com.chargeline.usage.rating.Increments;
import com.chargeline.usage.rating.Rate;
import com.chargeline.usage.rating.RateDeck;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Synthetic but realistic benchmark data: valid numbers in 30 countries, a deck of prefixes cut from them, Zipf draws. */
public final class BenchData {
    public static final List<String> REGIONS = List.of("US", "CA", "GB", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT",
            "SE", "NO", "DK", "FI", "IE", "PT", "PL", "CZ", "AU", "NZ", "JP", "KR", "SG", "HK", "IN", "BR", "MX", "ZA", "AE");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private BenchData() {
    }

    /** {@code count} distinct valid E.164 numbers ('+' and digits), mobile, fixed and toll-free, in the 30 regions. */
    public static List<String> numbers(int count, long seed) {
        var random = new Random(seed);
        var out = new LinkedHashSet<String>(count * 2);
        var types = List.of(PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
                PhoneNumberUtil.PhoneNumberType.TOLL_FREE);
        var examples = new ArrayList<String>();
        for (var region : REGIONS) {
            for (var type : types) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
        }
        while (out.size() < count) {
            var base = examples.get(random.nextInt(examples.size()));
            var chars = base.toCharArray();
            for (int i = Math.max(4, chars.length - 5); i < chars.length; i++) {
                chars[i] = (char) ('0' + random.nextInt(10));
            }
            var candidate = new String(chars);
            try {
                if (UTIL.isValidNumber(UTIL.parse(candidate, "ZZ"))) {
                    out.add(candidate);
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // not a number: skip
            }
        }
        return List.copyOf(out);
    }

    /** A deck of {@code size} distinct prefixes cut from {@code numbers}, each priced for local, toll-free and international. */
    public static RateDeck deck(List<String> numbers, int size, long seed) {
        return deck(numbers, size, seed, List.of(CallType.LOCAL, CallType.TOLLFREE, CallType.INTERNATIONAL));
    }

    /** As {@link #deck(List, int, long)}, each prefix priced for the given call types. */
    public static RateDeck deck(List<String> numbers, int size, long seed, List<CallType> types) {
        var random = new Random(seed);
        var prefixes = new LinkedHashSet<String>();
        for (var region : REGIONS) {
            prefixes.add(Integer.toString(UTIL.getCountryCodeForRegion(region)));
        }
        while (prefixes.size() < size) {
            var n = numbers.get(random.nextInt(numbers.size())).substring(1);
            // Numbers differ only in their last digits, so prefixes are cut anywhere from 3 digits to one short of the number.
            prefixes.add(n.substring(0, 3 + random.nextInt(n.length() - 3)));
        }
        var rates = new ArrayList<Rate>(size * 3);
        var modes = ChargeMode.values();
        var increments = List.of(new Increments(60, 60), new Increments(30, 6), new Increments(6, 6), new Increments(1, 1));
        for (var prefix : prefixes) {
            for (var type : types) {
                rates.add(new Rate(rates.size(), new Rate.Destination(prefix, "dest " + prefix, type),
                        new Rate.Price(modes[random.nextInt(modes.length)], 100_000L + random.nextInt(20_000_000),
                                random.nextInt(3) == 0 ? 1_000_000L : 0L, random.nextInt(3) == 0 ? 30 : 0,
                                increments.get(random.nextInt(increments.size()))), Rate.Validity.ALWAYS));
            }
        }
        return RateDeck.compile(new RateDeck.Info(UUID.randomUUID(), 1, "bench", Currency.getInstance("USD"), 4), rates);
    }

    /** {@code count} draws of ranks 0..n-1 with probability ∝ 1/(rank+1)^s (Zipf). */
    public static int[] zipf(int n, double s, int count, long seed) {
        var cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        var random = new Random(seed);
        var draws = new int[count];
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble() * sum;
            int idx = java.util.Arrays.binarySearch(cdf, u);
            draws[i] = idx >= 0 ? idx : Math.min(n - 1, -idx - 1);
        }
        return draws;
    }
}
