package com.chargeline.subscriptions;

import java.time.LocalDate;
import java.util.List;

/**
 * A subscription request: the base plan, the add-on lines bought with it (each with the group it
 * was given under), and the options. {@code start} is null for "today".
 */
public record PlanRequest(Line base, List<Line> addons, Options options) {

    /**
     * A plan line as requested: the group it was given under, its type code, its hosts (0 when not given)
     * and where the request gave its type ({@code plan_webinar[1].type}), for errors.
     */
    public record Line(String group, String type, int hosts, String field) {
        /** A line whose type is the {@code type} field of its group ({@code type} when no group is given). */
        public Line(String group, String type, int hosts) {
            this(group, type, hosts, group.isEmpty() ? "type" : group + ".type");
        }
    }

    /** {@code subscription_options}. */
    public record Options(LocalDate start, Integer contractTerm, String purchaseOrderNumber, String dealRegistrationId) {
        public static final Options NONE = new Options(null, null, null, null);
    }
}
