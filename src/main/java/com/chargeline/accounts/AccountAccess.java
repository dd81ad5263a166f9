package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Forbidden;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which accounts a caller may address. A caller reaches itself ({@code me} or its own id) and, when
 * it is a master, its own sub accounts. Any other id, well-formed or not, existing or not, is
 * answered exactly like a missing account so that nothing leaks about other tenants.
 */
public final class AccountAccess {
    public static final String ME = "me";
    private final Database db;

    public AccountAccess(Database db) {
        this.db = db;
    }

    public Account resolve(AccountId caller, String idOrMe) {
        var target = ME.equals(idOrMe) ? caller : AccountId.parse(idOrMe).orElseThrow(() -> notFound(idOrMe));
        var account = db.withRepository(AccountRepository.class, r -> r.findById(target.value()))
                .orElseThrow(() -> notFound(idOrMe));
        if (account.id().equals(caller) || account.belongsTo(caller)) {
            return account;
        }
        throw notFound(idOrMe);
    }

    /** The caller's own account, which must be a master. */
    public Account requireMaster(AccountId caller) {
        var account = resolve(caller, ME);
        if (!account.isMaster()) {
            throw new Forbidden(ErrorCode.NOT_A_MASTER_ACCOUNT, "Only master accounts can use this API.");
        }
        return account;
    }

    /** A sub account of the calling master (never the master itself). */
    public Account resolveSubAccount(AccountId caller, String idOrMe) {
        requireMaster(caller);
        var account = resolve(caller, idOrMe);
        if (!account.belongsTo(caller)) {
            throw notFound(idOrMe);
        }
        return account;
    }

    /**
     * An account whose billing the caller manages: itself, or a sub account its master pays for.
     * A master addressing a self-pay sub account is refused (Zoom 400 / 2100).
     */
    public Account resolveForBilling(AccountId caller, String idOrMe, String selfPayMessage) {
        var account = resolve(caller, idOrMe);
        if (!account.id().equals(caller) && account.isSelfPay()) {
            throw new Invalid(ErrorCode.SELF_PAY_ACCOUNT, selfPayMessage);
        }
        return account;
    }

    /**
     * Those of {@code accounts} that are sub accounts of {@code master} now, by account number, read in the caller's
     * transaction (a report asked for them checks them with the write that stores it).
     */
    public List<Account> subAccountsOf(Handle h, AccountId master, Collection<AccountId> accounts) {
        var ids = accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
        return h.attach(AccountRepository.class).findSubAccounts(master.value(), ids);
    }

    public static NotFound notFound(String id) {
        return new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "Account does not exist: " + id + ".", Map.of("id", id));
    }
}
