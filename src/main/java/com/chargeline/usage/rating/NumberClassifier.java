package com.chargeline.usage.rating;

import com.carrotsearch.hppc.LongLongHashMap;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Normalises a dialled or presented number to E.164 and says what kind of number it is, exactly
 * as libphonenumber does ({@code parse} in the account's region, {@code isValidNumber},
 * {@code getNumberType}, {@code getRegionCodeForNumber}).
 *
 * <p>libphonenumber costs about 10 µs a number (less with {@link NumberTypes}); call records repeat numbers heavily (Zipf-like:
 * a few destinations carry most calls), so results are kept in primitive long→long maps keyed by
 * the number's digits (and the default region for national formats). A hit is a hash probe with no
 * allocation. The result is packed in a long: E.164 digits (50 bits), region index (8 bits), kind
 * (3 bits). Extensions (1-6 digits, no '+') are recognised without libphonenumber.
 */
public final class NumberClassifier {
    /** What a number is for rating purposes. */
    public enum Kind { REGULAR, TOLL_FREE, PREMIUM, EXTENSION, INVALID }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final NumberTypes TYPES = new NumberTypes();
    private static final Kind[] KINDS = Kind.values();
    private static final List<String> REGIONS;
    private static final Map<String, Integer> REGION_INDEX = new HashMap<>();
    private static final long DIGITS_MASK = (1L << 50) - 1;
    private static final long TEN_POW_15 = 1_000_000_000_000_000L;
    private static final int SEGMENTS = 16;
    private static final int SEGMENT_LIMIT = 1 << 18;

    static {
        var regions = new ArrayList<String>(new TreeSet<>(UTIL.getSupportedRegions()));
        regions.add(0, "ZZ");
        regions.add("001");
        REGIONS = List.copyOf(regions);
        for (int i = 0; i < REGIONS.size(); i++) {
            REGION_INDEX.put(REGIONS.get(i), i);
        }
    }

    private static final int TEXT_KEY_LIMIT = 64;

    private final LongLongHashMap[] segments = new LongLongHashMap[SEGMENTS];
    /** Region + "|" + input (a region code never holds '|'), for inputs the long key cannot name exactly. */
    private final Map<String, Long> byText = new java.util.concurrent.ConcurrentHashMap<>();

    public NumberClassifier() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new LongLongHashMap(1024);
        }
    }

    /** A classified number, unpacked. {@code e164} has no '+'; it is the bare extension for extensions. */
    public record Classified(String e164, String region, Kind kind) {
    }

    public Classified classify(String raw, String defaultRegion) {
        long packed = classifyPacked(raw, defaultRegion);
        return new Classified(kind(packed) == Kind.INVALID ? "" : Long.toString(digits(packed)), region(packed), kind(packed));
    }

    /** The packed classification of {@code raw} as dialled in {@code defaultRegion} (ISO 3166-1). */
    public long classifyPacked(String raw, String defaultRegion) {
        long key = cacheKey(raw, defaultRegion);
        if (key < 0) {
            return key == -2 ? extension(raw) : byText(raw, defaultRegion);
        }
        var segment = segments[(int) ((key ^ (key >>> 29)) & (SEGMENTS - 1))];
        synchronized (segment) {
            long cached = segment.get(key);
            if (cached != 0) {
                return cached;
            }
        }
        long value = compute(raw, defaultRegion);
        synchronized (segment) {
            if (segment.size() >= SEGMENT_LIMIT) {
                segment.clear();
            }
            segment.put(key, value);
        }
        return value;
    }

    /**
     * Inputs the long key cannot name exactly (punctuation, letters) are cached by their whole text and region:
     * exact by construction, a string hash dearer than the long probe but far cheaper than libphonenumber.
     */
    private long byText(String raw, String defaultRegion) {
        if (raw == null || raw.length() > TEXT_KEY_LIMIT) {
            return compute(raw, defaultRegion);
        }
        var key = defaultRegion + "|" + raw;
        var cached = byText.get(key);
        if (cached != null) {
            return cached;
        }
        long value = compute(raw, defaultRegion);
        if (byText.size() >= SEGMENT_LIMIT) {
            byText.clear();
        }
        byText.put(key, value);
        return value;
    }

    /** What a cache miss computes: the packed classification without looking at or filling the cache. */
    public static long classifyUncached(String raw, String defaultRegion) {
        long key = cacheKey(raw, defaultRegion);
        return key == -2 ? extension(raw) : compute(raw, defaultRegion);
    }

    public static long digits(long packed) {
        return packed & DIGITS_MASK;
    }

    public static String region(long packed) {
        return REGIONS.get((int) ((packed >>> 50) & 0xFF));
    }

    public static Kind kind(long packed) {
        return KINDS[(int) ((packed >>> 58) & 0x7)];
    }

    static long pack(long digits, String region, Kind kind) {
        int regionIndex = REGION_INDEX.getOrDefault(region, 0);
        return digits | ((long) regionIndex << 50) | ((long) kind.ordinal() << 58);
    }

    /**
     * A cache key that names exactly one input: the digits with their count (so {@code 011…} and {@code 11…} differ),
     * and the default region for national numbers ({@code 0} stands for a leading '+', which makes the region
     * irrelevant). -2 for an extension, -1 for anything this key cannot name exactly (those go to the cache by text):
     * letters, punctuation (libphonenumber reads some of it, so "the same digits" need not be the same input), over
     * 15 digits, an unknown region, and a '+' followed by 0 (no country code starts with 0: libphonenumber then
     * strips the default region's international prefix, so the answer depends on the region, {@code +0027…} is a
     * South African number in GB and invalid in the US).
     * The key is ((region slot) * 16 + digit count) * 10^15 + digits, below 2^63 for the ~250 regions.
     */
    private static long cacheKey(String raw, String defaultRegion) {
        if (raw == null) {
            return -1;
        }
        long digits = 0;
        int count = 0;
        boolean plus = false;
        boolean punctuated = false;
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (plus && count == 0 && c == '0') {
                    return -1;
                }
                if (++count > 15) {
                    return -1;
                }
                digits = digits * 10 + (c - '0');
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') {
                punctuated = true;
            } else {
                return -1;
            }
        }
        if (count == 0) {
            return -1;
        }
        if (!plus && count <= 6) {
            return -2;
        }
        if (punctuated) {
            return -1;
        }
        long slot;
        if (plus) {
            slot = 0;
        } else {
            Integer region = REGION_INDEX.get(defaultRegion);
            if (region == null) {
                return -1;
            }
            slot = region + 1L;
        }
        return (slot * 16 + count) * TEN_POW_15 + digits;
    }

    private static long extension(String raw) {
        long digits = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
            }
        }
        return pack(digits, "ZZ", Kind.EXTENSION);
    }

    /**
     * The uncached answer: libphonenumber parses, {@link NumberTypes} answers type and region from
     * libphonenumber's metadata with patterns compiled once.
     */
    static long compute(String raw, String defaultRegion) {
        try {
            var number = UTIL.parse(raw, defaultRegion);
            var nationalNumber = UTIL.getNationalSignificantNumber(number);
            var answer = TYPES.classify(number.getCountryCode(), nationalNumber);
            if (answer.kind() == Kind.INVALID) {
                return pack(0, "ZZ", Kind.INVALID);
            }
            return pack(Long.parseLong(number.getCountryCode() + nationalNumber), answer.region(), answer.kind());
        } catch (NumberParseException | NumberFormatException e) {
            return pack(0, "ZZ", Kind.INVALID);
        }
    }
}
