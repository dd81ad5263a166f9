package com.chargeline.accounts.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** A directory number as given by a client, in E.164: valid numbers only, national ones read in the account's country. */
final class DirectoryNumbers {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private DirectoryNumbers() {
    }

    static Optional<String> e164(String raw, String region) {
        try {
            var parsed = PHONES.parse(raw, region);
            return PHONES.isValidNumber(parsed)
                    ? Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
