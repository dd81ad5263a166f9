package com.chargeline.usage.rating;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * libphonenumber's {@code getRegionCodeForNumber} and {@code getNumberType} over the same metadata,
 * with every region's patterns compiled once.
 *
 * <p>libphonenumber keeps compiled patterns in an LRU cache of 100 entries; classifying a type
 * walks up to eleven patterns of a region, so a mix of 30 countries evicts patterns faster than it
 * reuses them and most lookups recompile a regular expression (about two thirds of a miss's cost).
 * Here each region's descriptions are compiled on first use and kept (about 250 regions, a few KB
 * each). The decision follows libphonenumber's {@code getNumberTypeHelper} and
 * {@code getRegionCodeForNumberFromRegionList} step by step; {@code NumberClassifierAgreementTest}
 * and the classification benchmark check the answers against libphonenumber itself.
 */
final class NumberTypes {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final String NON_GEO = "001";

    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final Map<Integer, Region> nonGeographic = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> regionCodes = new ConcurrentHashMap<>();

    /** A region's answer for one national significant number, and the region (null: no region claims it). */
    record Answer(String region, NumberClassifier.Kind kind) {
    }

    /** {@code getNumberType}, reduced to what rating distinguishes, with {@code getRegionCodeForNumber}. */
    Answer classify(int countryCode, String nationalNumber) {
        var candidates = regionCodes.computeIfAbsent(countryCode, UTIL::getRegionCodesForCountryCode);
        if (candidates.isEmpty()) {
            return new Answer(null, NumberClassifier.Kind.INVALID);
        }
        if (candidates.size() == 1) {
            var code = candidates.get(0);
            var region = NON_GEO.equals(code) ? nonGeographic(countryCode) : region(code);
            return new Answer(code, region == null ? NumberClassifier.Kind.INVALID : region.kind(nationalNumber));
        }
        for (var code : candidates) {
            var region = region(code);
            if (region == null) {
                continue;
            }
            if (region.leadingDigits != null) {
                if (region.leadingDigits.matcher(nationalNumber).lookingAt()) {
                    return new Answer(code, region.kind(nationalNumber));
                }
            } else {
                var kind = region.kind(nationalNumber);
                if (kind != NumberClassifier.Kind.INVALID) {
                    return new Answer(code, kind);
                }
            }
        }
        return new Answer(null, NumberClassifier.Kind.INVALID);
    }

    private Region region(String code) {
        return compiled(regions, code, METADATA::getMetadataForRegion);
    }

    private Region nonGeographic(int countryCode) {
        return compiled(nonGeographic, countryCode, METADATA::getMetadataForNonGeographicalRegion);
    }

    /** The compiled region for {@code key}, compiled from its metadata on first use; null when there is none. */
    private static <K> Region compiled(Map<K, Region> cache, K key, java.util.function.Function<K, PhoneMetadata> metadata) {
        var region = cache.get(key);
        if (region == null) {
            var m = metadata.apply(key);
            if (m == null) {
                return null;
            }
            region = cache.computeIfAbsent(key, k -> new Region(m));
        }
        return region;
    }

    /** One number description: the lengths it allows (none listed: any) and its national-number pattern. */
    private static final class Desc {
        private final boolean anyLength;
        private final long lengths;
        private final Pattern pattern;

        Desc(PhoneNumberDesc desc) {
            var possible = desc.getPossibleLengthList();
            this.anyLength = possible.isEmpty();
            long mask = 0;
            for (int length : possible) {
                if (length > 0 && length < 64) {
                    mask |= 1L << length;
                }
            }
            this.lengths = mask;
            this.pattern = desc.getNationalNumberPattern().isEmpty() ? null : Pattern.compile(desc.getNationalNumberPattern());
        }

        /** libphonenumber's {@code isNumberMatchingDesc}: a listed length and a whole-number match. */
        boolean matches(String nationalNumber) {
            int length = nationalNumber.length();
            if (!anyLength && (length >= 64 || (lengths & (1L << length)) == 0)) {
                return false;
            }
            return pattern != null && pattern.matcher(nationalNumber).matches();
        }
    }

    /** A region's descriptions in the order {@code getNumberTypeHelper} tries them. */
    private static final class Region {
        private final Pattern leadingDigits;
        private final Desc general;
        private final Desc premium;
        private final Desc tollFree;
        private final Desc sharedCost;
        /** VoIP, personal, pager, UAN, voicemail, fixed line, then mobile unless it shares the fixed-line pattern. */
        private final List<Desc> regular = new ArrayList<>();

        Region(PhoneMetadata m) {
            this.leadingDigits = m.hasLeadingDigits() ? Pattern.compile(m.getLeadingDigits()) : null;
            this.general = new Desc(m.getGeneralDesc());
            this.premium = new Desc(m.getPremiumRate());
            this.tollFree = new Desc(m.getTollFree());
            this.sharedCost = new Desc(m.getSharedCost());
            for (var desc : List.of(m.getVoip(), m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail(),
                    m.getFixedLine())) {
                regular.add(new Desc(desc));
            }
            if (!m.getSameMobileAndFixedLinePattern()) {
                regular.add(new Desc(m.getMobile()));
            }
        }

        NumberClassifier.Kind kind(String nationalNumber) {
            if (!general.matches(nationalNumber)) {
                return NumberClassifier.Kind.INVALID;
            }
            if (premium.matches(nationalNumber)) {
                return NumberClassifier.Kind.PREMIUM;
            }
            if (tollFree.matches(nationalNumber)) {
                return NumberClassifier.Kind.TOLL_FREE;
            }
            if (sharedCost.matches(nationalNumber)) {
                return NumberClassifier.Kind.PREMIUM;
            }
            for (var desc : regular) {
                if (desc.matches(nationalNumber)) {
                    return NumberClassifier.Kind.REGULAR;
                }
            }
            return NumberClassifier.Kind.INVALID;
        }
    }
}
