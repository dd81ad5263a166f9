package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.common.time.Calendars;
import com.chargeline.subscriptions.PlanRequest;
import com.chargeline.subscriptions.PlanRequest.Line;
import java.util.List;

/**
 * The demo's plans: each master-paid sub account holds a realistic mix (base plans, Zoom Phone,
 * webinars, Zoom Rooms, large meetings, cloud recording) that began before today, so renewals fall
 * across the next 90 days (monthly lines within a month, an annual one in about two months).
 */
final class DemoPlans {
    private final Wiring w;

    DemoPlans(Wiring wiring) {
        this.w = wiring;
    }

    void seed(List<Account> subs) {
        for (var sub : subs) {
            var today = Calendars.today(w.clock, sub.profile().timeZone());
            if (sub.isSelfPay() || w.planQueries.hasPlan(sub)) {
                continue;
            }
            var request = switch (sub.profile().name()) {
                case "Harbor Dental Group" -> new PlanRequest(new Line("plan_base", "business_monthly", 12), List.of(
                        new Line("plan_webinar", "webinar500_monthly", 2),
                        new Line("plan_phone.plan_base", "phone_payongo", 0),
                        new Line("plan_phone.plan_calling", "phone_calling_usca_monthly_metered", 12),
                        new Line("plan_recording", "cmr_monthly_commitment_40", 0)), PlanRequest.Options.NONE);
                case "Bluebird Logistics" -> new PlanRequest(new Line("plan_base", "business_yearly", 25), List.of(
                        new Line("plan_zoom_rooms", "zroom_yearly", 3),
                        new Line("plan_large_meeting", "large500_monthly", 1)), PlanRequest.Options.NONE);
                default -> new PlanRequest(new Line("plan_base", "monthly", 8), List.of(
                        new Line("plan_recording", "cmr_monthly_commitment_40", 0)), PlanRequest.Options.NONE);
            };
            var started = switch (sub.profile().name()) {
                case "Harbor Dental Group" -> today.minusDays(52);
                case "Bluebird Logistics" -> today.minusDays(300);
                default -> today.minusDays(20);
            };
            w.subscribe.importExisting(sub, "demo", request, started);
        }
    }
}
