package com.chargeline.accounts.directory;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An account gives a phone number up (ported out, returned to the carrier): the number leaves the directory (calls
 * are no longer attributed through it), its holding ends now, and another account may take it. The months it was held
 * stay counted (Talkdesk's monthly usage, NUMBER rows).
 */
public final class ReleaseNumber {
    private final Database db;
    private final AccountQueries accounts;
    private final Clock clock;

    public ReleaseNumber(Database db, AccountQueries accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Releases {@code number} (E.164, or national in the account's country); returns it in E.164. */
    public String release(AccountId account, String number) {
        var region = accounts.find(account).orElseThrow().profile().country().value();
        var e164 = DirectoryNumbers.e164(number == null ? "" : number, region).orElseThrow(() -> new Invalid(
                ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError("number", "'" + number + "' is not a valid phone number."))));
        return db.inTransaction(h -> {
            var repo = h.attach(DirectoryRepository.class);
            repo.lock(account.value());
            var released = repo.releaseNumber(account.value(), e164, clock.instant()).orElseThrow(() -> new NotFound(
                    ErrorCode.RESOURCE_NOT_FOUND, "The account has no number " + e164 + ".", Map.of("number", e164)));
            repo.rebuildNumberMonths(account.value());
            return released;
        });
    }
}
