package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.UpdateBillingContact;
import com.chargeline.common.time.Calendars;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Subscribes an account on the free plan to a base plan and the add-ons bought with it (Zoom Billing
 * B7), with the billing contact given in the same request: lines, contact and the {@code plan_audit}
 * row in one transaction, so a refused request changes nothing.
 */
public final class Subscribe {
    private static final String NOT_FREE = "Cannot add plan for the subaccount which is not free plan.";
    private final Database db;
    private final Clock clock;
    private final PlanRules rules;
    private final UpdateBillingContact contacts;

    public Subscribe(Database db, Clock clock, PlanRules rules, UpdateBillingContact contacts) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
        this.contacts = contacts;
    }

    /** B7 with the request's billing contact (a change of the stored one, checked as the billing PATCH checks it). */
    public void subscribe(Account account, String actor, PlanRequest request, BillingContact contact) {
        var today = Calendars.today(clock, account.profile().timeZone());
        var lines = rules.check(account.id(), request, today);
        var start = request.options().start() != null ? request.options().start() : today;
        write(account, actor, request.options(), lines, start, today, contact);
    }

    /** B7 without a contact (operators, tests): the stored billing contact stays. */
    public void subscribe(Account account, String actor, PlanRequest request) {
        subscribe(account, actor, request, null);
    }

    /**
     * Records plans an account already held before it came to Chargeline (a reseller's migration, the
     * demo): as {@link #subscribe} but with a paid period that may have started in the past.
     */
    public void importExisting(Account account, String actor, PlanRequest request, LocalDate startedOn) {
        var options = request.options();
        var undated = new PlanRequest(request.base(), request.addons(), new PlanRequest.Options(null,
                options.contractTerm(), options.purchaseOrderNumber(), options.dealRegistrationId()));
        var today = Calendars.today(clock, account.profile().timeZone());
        var lines = rules.check(account.id(), undated, today);
        write(account, actor, options, lines, startedOn, today, null);
    }

    /**
     * Refused, in Zoom's order, when a base plan is active (a cancelled one until its paid period ends);
     * then the contact (if given); then lines and audit.
     */
    private void write(Account account, String actor, PlanRequest.Options options, List<PlanRules.Line> lines,
                       LocalDate start, LocalDate today, BillingContact contact) {
        var id = account.id();
        db.inTransaction(h -> {
            var change = PlanChange.begin(h, id, today, Calendars.nowUtc(clock));
            if (change.active().anyMatch(s -> s.group().equals("plan_base"))) {
                throw PlanRules.rejected(NOT_FREE);
            }
            if (contact != null) {
                contacts.update(h, id, contact);
            }
            for (var line : lines) {
                change.add(line.plan(), line.hosts(), start, options);
            }
            change.audit(actor, "subscribe", null, lines.stream()
                    .map(l -> Map.of("type", l.plan().type(), "group", l.plan().group(), "hosts", l.hosts())).toList());
            return null;
        });
    }
}
