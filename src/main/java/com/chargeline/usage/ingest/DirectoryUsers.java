package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.Directory;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.usage.rating.NumberClassifier;

/**
 * The account's own user on a call or message: the one the record's extension names, else the one
 * whose extension or number the account's side of the record is (classified in the account's country).
 */
final class DirectoryUsers {
    private DirectoryUsers() {
    }

    static PhoneUser find(Directory dir, NumberClassifier classifier, String extension, String ownNumber, String region) {
        if (extension != null && dir.byExtension().containsKey(extension)) {
            return dir.byExtension().get(extension);
        }
        var c = classifier.classify(ownNumber, region);
        return c.kind() == NumberClassifier.Kind.EXTENSION ? dir.byExtension().get(c.e164())
                : dir.byNumber().get("+" + c.e164());
    }
}
