package com.chargeline.accounts;

import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Creates a master account (operators, the demo) or a sub account under a master (Zoom
 * {@code POST /accounts}), with a billing contact that starts as the owner.
 */
public final class CreateAccount {
    private final Database db;
    private final Clock clock;

    public CreateAccount(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Account createMaster(NewAccount request) {
        return create(null, request);
    }

    public Account createSub(AccountId master, NewAccount request) {
        return create(master, request);
    }

    private Account create(AccountId master, NewAccount request) {
        validate(request);
        var owner = request.owner();
        var name = request.accountName() == null || request.accountName().isBlank()
                ? owner.firstName() + " " + owner.lastName()
                : request.accountName();
        var country = Regions.country(request.country() == null ? "US" : request.country())
                .orElseThrow(() -> new Invalid(ErrorCode.INVALID_COUNTRY,
                        "Invalid country parameter: " + request.country() + ".", Map.of("country", request.country())));
        var id = AccountId.random();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return insert(master, request, name, country, id, now);
        } catch (UnableToExecuteStatementException e) {
            // Two creates with one e-mail at the same moment: the unique index decides, as 409 / 1005.
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw emailUsed(request.owner().email());
            }
            throw e;
        }
    }

    private Account insert(AccountId master, NewAccount request, String name, String country, AccountId id,
                           java.time.Instant now) {
        var owner = request.owner();
        return db.inTransaction(h -> {
            var accounts = h.attach(AccountRepository.class);
            if (accounts.emailInUse(owner.email())) {
                throw emailUsed(owner.email());
            }
            var kind = master == null ? AccountKind.MASTER : AccountKind.SUB;
            var options = request.options();
            accounts.insert(id.value(), master == null ? null : master.value(), kind.dbValue(), name,
                    master == null ? "Business" : "Free", owner.id() == null ? UUID.randomUUID() : owner.id(),
                    owner.email(), owner.firstName(), owner.lastName(), options.payMode().wire(),
                    options.billingAutoRenew(), options.connectorOptionsJson(), country, now);
            var contact = new BillingContact(
                    new BillingContact.Person(owner.firstName(), owner.lastName(), owner.email(), ""),
                    new BillingContact.Address("", "", "", "", "", country), "Just Me");
            h.attach(BillingContactRepository.class).save(id.value(), contact, now);
            return accounts.findById(id.value()).orElseThrow();
        });
    }

    private static Conflict emailUsed(String email) {
        return new Conflict(ErrorCode.EMAIL_ALREADY_USED, "Email \"" + email + "\" has already been used.",
                Map.of("email", email));
    }

    private static void validate(NewAccount request) {
        var owner = request.owner();
        InputRules.requireEmail("email", owner.email());
        InputRules.requireNonBlank("first_name", owner.firstName());
        InputRules.requireNonBlank("last_name", owner.lastName());
        InputRules.requireMaxLength("email", owner.email(), 128);
        InputRules.requireMaxLength("first_name", owner.firstName(), 64);
        InputRules.requireMaxLength("last_name", owner.lastName(), 64);
        InputRules.requireMaxLength("account_name", request.accountName(), 64);
        InputRules.requirePlainText("first_name", owner.firstName());
        InputRules.requirePlainText("last_name", owner.lastName());
        InputRules.requirePlainText("account_name", request.accountName());
        PasswordRules.check(request.password());
        var extras = request.extras();
        if (extras.transferCode() != null && !extras.transferCode().isEmpty()) {
            // Chargeline has no account-transfer process to take part in.
            throw new Invalid(ErrorCode.ACCOUNT_TRANSFER_DISABLED,
                    "Account transfer disabled. Please remove the transfer token and try again.");
        }
        if (extras.subResellerId() != null && !extras.subResellerId().isEmpty()) {
            throw InputRules.invalidField("sub_reseller_id",
                    "Three-tier sub-reseller accounts are not supported; omit sub_reseller_id.");
        }
    }
}
