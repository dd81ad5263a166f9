package com.chargeline.api.zoom;

import com.chargeline.accounts.Account;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.accounts.BillingContact;
import com.chargeline.common.id.WireIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Wire records of the Zoom accounts and billing-contact operations (snake_case by the mapper). */
public final class ZoomDtos {
    private ZoomDtos() {
    }

    /** Zoom's date-time form, {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. */
    public static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An item of {@code GET /accounts}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountListItem(String id, String accountName, long accountNumber, String accountType,
                                  String createdAt, String ownerEmail, int seats, String subscriptionStartTime,
                                  String subscriptionEndTime, boolean reseller, boolean bulkLicense) {
        static AccountListItem from(Account a, PlanQueries.Standing s) {
            return new AccountListItem(a.id().wire(), a.profile().name(), a.number(), s.accountType(),
                    dateTime(a.createdAt()), a.owner().email(), s.seats(), start(a, s), end(a, s), false, false);
        }
    }

    /** {@code GET /accounts}. */
    public record AccountList(String nextPageToken, int pageCount, int pageNumber, int pageSize, long totalRecords,
                              List<AccountListItem> accounts) {
    }

    /** {@code POST /accounts} → 201. */
    public record AccountCreated(String id, String ownerId, String ownerEmail, String createdAt) {
        static AccountCreated from(Account a) {
            return new AccountCreated(a.id().wire(), WireIds.encode(a.owner().id()), a.owner().email(),
                    dateTime(a.createdAt()));
        }
    }

    /** {@code GET /accounts/{accountId}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountDetails(String id, String accountName, long accountNumber, String accountType,
                                 String createdAt, String ownerId, String ownerEmail, int seats,
                                 String subscriptionStartTime, String subscriptionEndTime, boolean reseller,
                                 ObjectNode options) {
        static AccountDetails from(Account a, PlanQueries.Standing s, ObjectNode options) {
            return new AccountDetails(a.id().wire(), a.profile().name(), a.number(), s.accountType(),
                    dateTime(a.createdAt()), WireIds.encode(a.owner().id()), a.owner().email(), s.seats(),
                    start(a, s), end(a, s), false, options);
        }
    }

    /** The paid period's start and end as Zoom date-times: midnight of those days in the account's zone, in UTC. */
    private static String start(Account a, PlanQueries.Standing s) {
        return s.periodStart() == null ? null : midnight(a, s.periodStart());
    }

    private static String end(Account a, PlanQueries.Standing s) {
        return s.periodEnd() == null ? null : midnight(a, s.periodEnd());
    }

    private static String midnight(Account a, java.time.LocalDate day) {
        return dateTime(day.atStartOfDay(a.profile().timeZone()).toInstant());
    }

    /** {@code GET /accounts/{accountId}/billing}: every field is a string, absent values are empty. */
    public record BillingContactResponse(String address, String apt, String city, String country, String email,
                                         String firstName, String lastName, String phoneNumber, String state,
                                         String zip, String employeeCount) {
        static BillingContactResponse from(BillingContact c) {
            var p = c.person();
            var a = c.address();
            return new BillingContactResponse(a.address(), a.apt(), a.city(), a.country(), p.email(), p.firstName(),
                    p.lastName(), p.phoneNumber(), a.state(), a.zip(), c.employeeCount());
        }
    }
}
