package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;

/**
 * Detaches a sub account from its master (Zoom {@code DELETE /accounts/{id}}). The account and its
 * data stay; it simply no longer belongs to the master, which from then on cannot see it.
 */
public final class DisassociateSubAccount {
    private final Database db;
    private final Clock clock;

    public DisassociateSubAccount(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void disassociate(AccountId master, Account sub) {
        int changed = db.inTransaction(h -> h.attach(AccountRepository.class)
                .disassociate(master.value(), sub.id().value(), clock.instant()));
        if (changed == 0) {
            throw AccountAccess.notFound(sub.id().wire());
        }
    }
}
