package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.List;
import java.util.Optional;

/** Reads of accounts and billing contacts. */
public final class AccountQueries {
    private final Database db;

    public AccountQueries(Database db) {
        this.db = db;
    }

    /** Filters of the sub-account list; null means no filter. */
    public record SubAccountFilter(String email, String phoneDigits) {
    }

    /** One page of sub accounts plus the count over all pages. */
    public record SubAccountPage(List<Account> accounts, long total) {
    }

    /**
     * A page of {@code master}'s sub accounts after account number {@code afterNumber} (keyset),
     * skipping {@code offset} more (the deprecated page_number form).
     */
    public SubAccountPage subAccounts(AccountId master, SubAccountFilter filter, long afterNumber, long offset,
                                      int limit) {
        return db.withHandle(h -> {
            var repo = h.attach(AccountRepository.class);
            var rows = repo.listSubAccounts(master.value(), filter.email(), filter.phoneDigits(), afterNumber,
                    offset, limit);
            return new SubAccountPage(rows, repo.countSubAccounts(master.value(), filter.email(), filter.phoneDigits()));
        });
    }

    public Optional<Account> find(AccountId id) {
        return db.withRepository(AccountRepository.class, r -> r.findById(id.value()));
    }

    public Optional<Account> findByEmail(String email) {
        return db.withRepository(AccountRepository.class, r -> r.findIdByOwnerEmail(email).flatMap(r::findById));
    }

    public BillingContact billingContact(AccountId id) {
        return db.withRepository(BillingContactRepository.class, r -> r.find(id.value()))
                .orElseThrow(() -> AccountAccess.notFound(id.wire()));
    }
}
