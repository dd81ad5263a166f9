package com.chargeline.accounts;

import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A master or sub account. {@code masterId} is null for a master and for a sub account that was
 * disassociated from its master.
 */
public record Account(
        AccountId id,
        AccountKind kind,
        AccountId masterId,
        long number,
        Profile profile,
        Owner owner,
        AccountOptions options,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Name, plan type label, paid seats and the locale facts billing needs. */
    public record Profile(String name, String type, int seats, CountryCode country, java.time.ZoneId timeZone,
                          java.util.Currency currency) {
    }

    /** The account owner (a user of the account). */
    public record Owner(UUID id, String email, String firstName, String lastName) {
    }

    public Optional<AccountId> master() {
        return Optional.ofNullable(masterId);
    }

    public boolean isMaster() {
        return kind == AccountKind.MASTER;
    }

    /** True when {@code other} is this account's master. */
    public boolean belongsTo(AccountId other) {
        return masterId != null && masterId.equals(other);
    }

    public boolean isSelfPay() {
        return kind == AccountKind.SUB && options.payMode() == PayMode.SUB;
    }
}
