package com.chargeline.accounts.directory;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Reads of an account's phone directory, and the snapshot one ingestion batch rates against. */
public final class DirectoryQueries {
    private final Database db;

    public DirectoryQueries(Database db) {
        this.db = db;
    }

    public List<DirectoryRepository.UserRow> users(AccountId account) {
        return db.withRepository(DirectoryRepository.class, r -> r.users(account.value()));
    }

    public List<DirectoryRepository.NumberRow> numbers(AccountId account) {
        return db.withRepository(DirectoryRepository.class, r -> r.numbers(account.value()));
    }

    public List<DirectoryRepository.BillingAccountRow> billingAccounts(AccountId account) {
        return db.withRepository(DirectoryRepository.class, r -> r.billingAccounts(account.value()));
    }

    /** The directory as one ingestion batch needs it. */
    public Directory snapshot(AccountId account) {
        return db.withRepository(DirectoryRepository.class, repo -> {
            var byId = new HashMap<UUID, PhoneUser>();
            var byExtension = new HashMap<String, PhoneUser>();
            for (var row : repo.users(account.value())) {
                var user = new PhoneUser(row.userId(), new PhoneUser.Identity(row.name(), row.email(), row.extensionNumber()),
                        new PhoneUser.Attribution(row.employeeId(), row.department(), row.costCenter(),
                                nz(row.callingPlan()), nz(row.billingAccountId())), List.of());
                byId.put(row.userId(), user);
                if (row.extensionNumber() != null) {
                    byExtension.put(row.extensionNumber(), user);
                }
            }
            var byNumber = new HashMap<String, PhoneUser>();
            var numberBilling = new HashMap<String, String>();
            var own = new HashSet<Long>();
            for (var row : repo.numbers(account.value())) {
                own.add(Long.parseLong(row.number().substring(1)));
                if (row.userId() != null && byId.containsKey(row.userId())) {
                    byNumber.put(row.number(), byId.get(row.userId()));
                }
                if (row.billingAccountId() != null) {
                    numberBilling.put(row.number(), row.billingAccountId());
                }
            }
            var billing = new HashSet<String>();
            repo.billingAccounts(account.value()).forEach(b -> billing.add(b.billingAccountId()));
            return new Directory(byExtension, byNumber, numberBilling, own, billing);
        });
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
