package com.chargeline.subscriptions;

import java.time.LocalDate;
import java.util.List;

/**
 * A subscription request: the base plan, the add-on lines bought with it (each with the group it
 * was given under), and the options. {@code start} is null for "today".
 */
public record PlanRequest(Line base, List<Line> addons, Options options) {

    /** A plan line as requested: the group it was given under, its type code, its hosts (0 when not given). */
    public record Line(String group, String type, int hosts) {
    }

    /** {@code subscription_options}. */
    public record Options(LocalDate start, Integer contractTerm, String purchaseOrderNumber, String dealRegistrationId) {
        public static final Options NONE = new Options(null, null, null, null);
    }
}
