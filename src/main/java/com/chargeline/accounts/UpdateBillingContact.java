package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Changes some fields of an account's billing contact (Zoom {@code PATCH /accounts/{id}/billing}).
 * A null field of the change keeps its current value. The country must be an ISO 3166-1 code and,
 * for the United States and Canada, the state one of the country's codes or names; both are
 * checked on the contact as it will be after the change, so a country change cannot leave a state
 * of another country behind.
 */
public final class UpdateBillingContact {
    private final Database db;
    private final Clock clock;

    public UpdateBillingContact(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public BillingContact update(AccountId account, BillingContact change) {
        validateText(change);
        return db.inTransaction(h -> save(h, account, change));
    }

    /**
     * The same change inside the caller's transaction: a contact given with a plan purchase
     * ({@code subscriptions.Subscribe}) is stored with the plan or not at all.
     */
    public BillingContact update(Handle h, AccountId account, BillingContact change) {
        validateText(change);
        return save(h, account, change);
    }

    private BillingContact save(Handle h, AccountId account, BillingContact change) {
        var contacts = h.attach(BillingContactRepository.class);
        var current = contacts.find(account.value()).orElseThrow(() -> AccountAccess.notFound(account.wire()));
        var merged = merge(current, change);
        var country = Regions.country(merged.address().country()).orElseThrow(() -> new Invalid(
                ErrorCode.INVALID_COUNTRY, "Invalid country parameter: " + merged.address().country() + ".",
                Map.of("country", merged.address().country())));
        var rawState = merged.address().state();
        var state = rawState.isEmpty() ? rawState : Regions.state(country, rawState).orElseThrow(() -> new Invalid(
                ErrorCode.INVALID_STATE, "Invalid state parameter: " + rawState + ".", Map.of("state", rawState)));
        var a = merged.address();
        var result = new BillingContact(merged.person(),
                new BillingContact.Address(a.address(), a.apt(), a.city(), state, a.zip(), country),
                merged.employeeCount());
        contacts.save(account.value(), result, clock.instant());
        return result;
    }

    private static void validateText(BillingContact change) {
        var p = change.person();
        var a = change.address();
        InputRules.requirePlainText("first_name", p.firstName());
        InputRules.requirePlainText("last_name", p.lastName());
        InputRules.requirePhone("phone_number", p.phoneNumber());
        InputRules.requirePlainText("address", a.address());
        InputRules.requirePlainText("apt", a.apt());
        InputRules.requirePlainText("city", a.city());
        InputRules.requirePlainText("state", a.state());
        InputRules.requirePlainText("zip", a.zip());
        InputRules.requirePlainText("country", a.country());
        if (p.email() != null) {
            InputRules.requireEmail("email", p.email());
        }
        if (change.employeeCount() != null && !BillingContact.EMPLOYEE_COUNTS.contains(change.employeeCount())) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), java.util.List.of(
                    new com.chargeline.common.error.FieldError("employee_count",
                            "Must be one of: " + String.join(", ", BillingContact.EMPLOYEE_COUNTS) + ".")));
        }
        for (var field : Map.of("first_name", nz(p.firstName()), "last_name", nz(p.lastName()),
                "address", nz(a.address()), "apt", nz(a.apt()), "city", nz(a.city()), "state", nz(a.state()),
                "zip", nz(a.zip()), "phone_number", nz(p.phoneNumber())).entrySet()) {
            InputRules.requireMaxLength(field.getKey(), field.getValue(), 128);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static BillingContact merge(BillingContact current, BillingContact change) {
        var p = current.person();
        var cp = change.person();
        var a = current.address();
        var ca = change.address();
        return new BillingContact(
                new BillingContact.Person(pick(cp.firstName(), p.firstName()), pick(cp.lastName(), p.lastName()),
                        pick(cp.email(), p.email()), pick(cp.phoneNumber(), p.phoneNumber())),
                new BillingContact.Address(pick(ca.address(), a.address()), pick(ca.apt(), a.apt()),
                        pick(ca.city(), a.city()), pick(ca.state(), a.state()), pick(ca.zip(), a.zip()),
                        pick(ca.country(), a.country())),
                pick(change.employeeCount(), current.employeeCount()));
    }

    private static String pick(String changed, String current) {
        return changed == null ? current : changed;
    }
}
