package com.chargeline.subscriptions;

import com.chargeline.catalog.BillingCycle;
import java.time.LocalDate;
import java.util.UUID;

/** One plan line an account holds: a base plan or an add-on, of any group. */
public record Subscription(UUID id, String group, String type, int hosts, BillingCycle cycle, SubscriptionStatus status,
                           LocalDate serviceEffectiveDate, LocalDate paidPeriodStartDate, LocalDate cancelAt,
                           boolean autoRenew) {

    /** The status on {@code today}: a cancelled line stays active until the end of its paid period. */
    public SubscriptionStatus statusOn(LocalDate today) {
        return status == SubscriptionStatus.ACTIVE && cancelAt != null && !today.isBefore(cancelAt)
                ? SubscriptionStatus.CANCELLED : status;
    }

    public boolean activeOn(LocalDate today) {
        return statusOn(today) == SubscriptionStatus.ACTIVE;
    }

    public LocalDate nextInvoiceDate(LocalDate today) {
        return cycle.nextInvoiceDate(paidPeriodStartDate, today);
    }
}
