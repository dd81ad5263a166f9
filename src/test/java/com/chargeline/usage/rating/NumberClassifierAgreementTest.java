package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classifier's one-call path gives exactly what the plain libphonenumber sequence gives
 * (isValidNumber, E.164, getRegionCodeForNumber, getNumberType) for numbers of every region and
 * type, and for corrupted ones.
 */
class NumberClassifierAgreementTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The sequence the classifier used before, kept here as the reference. */
    private static long reference(String raw, String defaultRegion) {
        try {
            var number = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return NumberClassifier.pack(0, "ZZ", NumberClassifier.Kind.INVALID);
            }
            var e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            var region = UTIL.getRegionCodeForNumber(number);
            var kind = switch (UTIL.getNumberType(number)) {
                case TOLL_FREE -> NumberClassifier.Kind.TOLL_FREE;
                case PREMIUM_RATE, SHARED_COST -> NumberClassifier.Kind.PREMIUM;
                default -> NumberClassifier.Kind.REGULAR;
            };
            return NumberClassifier.pack(Long.parseLong(e164.substring(1)), region == null ? "ZZ" : region, kind);
        } catch (NumberParseException | NumberFormatException e) {
            return NumberClassifier.pack(0, "ZZ", NumberClassifier.Kind.INVALID);
        }
    }

    @Test
    void agrees_with_libphonenumber_on_every_region_type_and_corruption() {
        var random = new Random(20261124);
        int checked = 0;
        for (var region : UTIL.getSupportedRegions()) {
            for (var type : PhoneNumberUtil.PhoneNumberType.values()) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                var e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                for (int k = 0; k < 12; k++) {
                    var chars = e164.toCharArray();
                    for (int d = Math.max(2, chars.length - 1 - k % 5); d < chars.length; d++) {
                        chars[d] = (char) ('0' + random.nextInt(10));
                    }
                    var raw = k == 0 ? e164 : new String(chars);
                    assertThat(NumberClassifier.compute(raw, "US")).as(raw).isEqualTo(reference(raw, "US"));
                    var national = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
                    assertThat(NumberClassifier.compute(national, region)).as(national + " in " + region)
                            .isEqualTo(reference(national, region));
                    checked += 2;
                }
            }
        }
        for (var global : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            var example = UTIL.getExampleNumberForNonGeoEntity(global);
            if (example != null) {
                var raw = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                assertThat(NumberClassifier.compute(raw, "US")).as(raw).isEqualTo(reference(raw, "US"));
            }
        }
        assertThat(checked).isGreaterThan(20_000);
    }

    @Test
    void agrees_with_libphonenumber_on_random_numbers_of_every_calling_code() {
        // Calling codes shared by several regions (+1, +7, +44, +262, +590, +599 ...) go through the region-list
        // resolution; random digits of every length reach each branch of the type decision.
        var random = new Random(20261125);
        var codes = new java.util.ArrayList<>(UTIL.getSupportedCallingCodes());
        java.util.Collections.sort(codes);
        int checked = 0;
        for (int code : codes) {
            for (int k = 0; k < 60; k++) {
                var raw = new StringBuilder("+").append(code);
                int length = 3 + random.nextInt(13);
                for (int d = 0; d < length; d++) {
                    raw.append((char) ('0' + random.nextInt(10)));
                }
                var number = raw.toString();
                assertThat(NumberClassifier.compute(number, "US")).as(number).isEqualTo(reference(number, "US"));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
