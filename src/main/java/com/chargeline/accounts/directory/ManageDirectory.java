package com.chargeline.accounts.directory;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps an account's phone directory: users (upserted by e-mail), their numbers (normalised to
 * E.164 in the account's country; a number belongs to one account), and billing accounts. A batch
 * of users is all or nothing and every bad entry is reported with its index.
 */
public final class ManageDirectory {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,6}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final Database db;
    private final AccountQueries accounts;
    private final Clock clock;

    public ManageDirectory(Database db, AccountQueries accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates or updates users; returns them with their ids and E.164 numbers. */
    public List<PhoneUser> upsertUsers(AccountId account, List<PhoneUser> users) {
        var region = accounts.find(account).orElseThrow().profile().country();
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
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "chargeline.directory:" + account.value());
            repo.releaseExtensions(account.value(), normalised.stream().map(u -> u.identity().email()).toList());
            var plans = new HashSet<>(h.createQuery("SELECT name FROM calling_plan WHERE account_id = :a")
                    .bind("a", account.value()).mapTo(String.class).list());
            var billing = new HashSet<String>();
            repo.billingAccounts(account.value()).forEach(b -> billing.add(b.billingAccountId()));
            var saved = new ArrayList<PhoneUser>();
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
                    repo.upsertNumber(account.value(), number, id,
                            at.billingAccountId().isEmpty() ? null : at.billingAccountId());
                }
                saved.add(new PhoneUser(id, user.identity(), at, user.phoneNumbers()));
            }
            if (!errors.isEmpty()) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
            }
            return saved;
        });
    }

    public void upsertBillingAccount(AccountId account, String billingAccountId, String name) {
        if (billingAccountId == null || !billingAccountId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                    "billing_account_id", "1 to 64 letters, digits, '_' or '-'.")));
        }
        db.inTransaction(h -> {
            h.attach(DirectoryRepository.class).upsertBillingAccount(account.value(), billingAccountId,
                    name == null ? "" : name.strip());
            return null;
        });
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
            try {
                var parsed = PHONES.parse(raw, region);
                if (PHONES.isValidNumber(parsed)) {
                    numbers.add(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
                    continue;
                }
            } catch (NumberParseException e) {
                // reported below
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
