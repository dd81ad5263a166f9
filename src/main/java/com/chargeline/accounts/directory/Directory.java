package com.chargeline.accounts.directory;

import java.util.Map;
import java.util.Set;

/**
 * A snapshot of an account's directory for one ingestion batch: users by extension and by number,
 * and the account's own numbers (E.164 digits) for on-net detection.
 */
public record Directory(Map<String, PhoneUser> byExtension, Map<String, PhoneUser> byNumber,
                        Map<String, String> numberBillingAccounts, Set<Long> ownNumbers, Set<String> billingAccounts) {
    public static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), Set.of(), Set.of());
}
