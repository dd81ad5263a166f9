package com.chargeline.accounts.directory;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates or updates users of an account's phone directory (by e-mail) with their numbers (normalised
 * to E.164 in the account's country; a number belongs to one account). A batch is all or nothing and
 * every bad entry is reported with its index.
 */
public final class UpsertUsers {
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,6}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final Database db;
    private final AccountQueries accounts;
    private final Clock clock;

    public UpsertUsers(Database db, AccountQueries accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates or updates users; returns them with their ids and E.164 numbers. */
    public List<PhoneUser> upsert(AccountId account, List<PhoneUser> users) {
        var region = accounts.find(account).orElseThrow().profile().country().value();
        var errors = new ArrayList<FieldError>();
        var normalised = new ArrayList<PhoneUser>();
        var seenEmails = new HashSet<String>();
        var seenExtensions = new HashSet<String>();
        for (int i = 0; i < users.size(); i++) {
            normalised.add(validate(users.get(i), "users[" + i + "]", region, errors, seenEmails, seenExtensions));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
        return db.inTransaction(h -> {
            var repo = h.attach(DirectoryRepository.class);
            // One directory write of an account at a time (also across nodes): the extension check below and the
            // write that follows it must not interleave with another request's. The batch's own users give up their
            // extensions first, so that users of one request may swap extensions.
            repo.lock(account.value());
            repo.releaseExtensions(account.value(), normalised.stream().map(u -> u.identity().email()).toList());
            var plans = new HashSet<>(repo.callingPlanNames(account.value()));
            var billing = new HashSet<String>();
            repo.billingAccounts(account.value()).forEach(b -> billing.add(b.billingAccountId()));
            var saved = new ArrayList<PhoneUser>();
            boolean taken = false;
            for (int i = 0; i < normalised.size(); i++) {
                var user = normalised.get(i);
                var at = user.attribution();
                if (!at.callingPlan().isEmpty() && !plans.contains(at.callingPlan())) {
                    errors.add(new FieldError("users[" + i + "].calling_plan", "No calling plan named " + at.callingPlan() + "."));
                }
                if (!at.billingAccountId().isEmpty() && !billing.contains(at.billingAccountId())) {
                    errors.add(new FieldError("users[" + i + "].billing_account_id",
                            "No billing account " + at.billingAccountId() + "; create it first."));
                }
                var id = Optional.ofNullable(repo.userIdByEmail(account.value(), user.identity().email()))
                        .orElseGet(UUID::randomUUID);
                var extension = user.identity().extensionNumber();
                var holder = extension == null ? Optional.<DirectoryRepository.ExtensionHolder>empty()
                        : repo.extensionHolder(account.value(), extension).filter(x -> !x.userId().equals(id));
                if (holder.isPresent()) {
                    errors.add(new FieldError("users[" + i + "].extension_number",
                            "Extension " + extension + " belongs to another user (" + holder.get().email() + ")."));
                    continue;
                }
                repo.upsertUser(account.value(), id, user.identity().email(), user.identity().name(),
                        user.identity().extensionNumber(), at.employeeId(), at.department(), at.costCenter(),
                        at.callingPlan().isEmpty() ? null : at.callingPlan(),
                        at.billingAccountId().isEmpty() ? null : at.billingAccountId(), clock.instant());
                for (var number : user.phoneNumbers()) {
                    var owner = repo.numberOwner(number);
                    if (owner != null && !owner.equals(account.value())) {
                        throw new Conflict(ErrorCode.VALIDATION_FAILED, "The number " + number + " belongs to another account.",
                                Map.of("number", number));
                    }
                    if (owner == null) {
                        repo.startHolding(account.value(), number, clock.instant());
                        taken = true;
                    }
                    repo.upsertNumber(account.value(), number, id,
                            at.billingAccountId().isEmpty() ? null : at.billingAccountId());
                }
                saved.add(new PhoneUser(id, user.identity(), at, user.phoneNumbers()));
            }
            if (!errors.isEmpty()) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
            }
            if (taken) {
                repo.rebuildNumberMonths(account.value());
            }
            return saved;
        });
    }

    private static PhoneUser validate(PhoneUser user, String at, String region, List<FieldError> errors,
                                      java.util.Set<String> emails, java.util.Set<String> extensions) {
        var id = user.identity();
        if (id.email() == null || !EMAIL.matcher(id.email()).matches()) {
            errors.add(new FieldError(at + ".email", "A valid e-mail address is required."));
        } else if (!emails.add(id.email().toLowerCase(java.util.Locale.ROOT))) {
            errors.add(new FieldError(at + ".email", "Appears twice in this request."));
        }
        if (id.name() == null || id.name().isBlank()) {
            errors.add(new FieldError(at + ".name", "A name is required."));
        }
        if (id.extensionNumber() != null && !EXTENSION.matcher(id.extensionNumber()).matches()) {
            errors.add(new FieldError(at + ".extension_number", "1 to 6 digits."));
        } else if (id.extensionNumber() != null && !extensions.add(id.extensionNumber())) {
            errors.add(new FieldError(at + ".extension_number", "Appears twice in this request."));
        }
        var numbers = new ArrayList<String>();
        for (int n = 0; n < user.phoneNumbers().size(); n++) {
            var raw = user.phoneNumbers().get(n);
            var e164 = DirectoryNumbers.e164(raw, region);
            if (e164.isPresent()) {
                numbers.add(e164.get());
                continue;
            }
            errors.add(new FieldError(at + ".phone_numbers[" + n + "]", "'" + raw + "' is not a valid phone number."));
        }
        var a = user.attribution();
        return new PhoneUser(null, new PhoneUser.Identity(nz(id.name()).strip(), id.email(), id.extensionNumber()),
                new PhoneUser.Attribution(nz(a.employeeId()), nz(a.department()), nz(a.costCenter()), nz(a.callingPlan()),
                        nz(a.billingAccountId())), numbers);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
