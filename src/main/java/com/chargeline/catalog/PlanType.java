package com.chargeline.catalog;

import com.chargeline.common.money.Money;

/**
 * One plan type code of the catalog: its name, the group of Zoom's plan objects it belongs to
 * ({@code plan_base}, {@code plan_webinar}, {@code plan_phone.plan_calling}, ...), whether it is bought
 * as a base plan, an additional plan or either, its billing cycle, our list price per host per
 * cycle (the price book is in USD), the host range it allows, and the precondition Zoom documents for it.
 */
public record PlanType(String type, String name, String group, Purchase purchase, BillingCycle cycle,
                       Money listPrice, int minHosts, int maxHosts, String note) {

    /** How a plan is bought: through POST /plans (base), POST /plans/addons (additional), or both. */
    public enum Purchase { BASE, ADDITIONAL, BOTH }

    public boolean base() {
        return purchase != Purchase.ADDITIONAL && group.equals("plan_base");
    }

    public boolean allowsHosts(int hosts) {
        return hosts >= minHosts && hosts <= maxHosts;
    }
}
