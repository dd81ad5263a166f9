package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Changes to an account's plans after it has a base plan (Zoom Billing B8–B12): add-ons bought,
 * resized or switched, add-ons and the base plan cancelled, the base plan resized or switched. Each
 * in one transaction with the account row locked, each written to {@code plan_audit}. A cancelled
 * line stays active to the end of its paid period (its next invoice date) and then reads as
 * {@code cancelled}.
 */
public final class ChangePlans {
    private static final String FREE = "Cannot update Additional plan for a subaccount under free plan.";
    private final Database db;
    private final Clock clock;
    private final PlanCatalog catalog;
    private final ManagePlans plans;

    public ChangePlans(Database db, Clock clock, PlanCatalog catalog, ManagePlans plans) {
        this.db = db;
        this.clock = clock;
        this.catalog = catalog;
        this.plans = plans;
    }

    /** B8: add-on lines for an account with a base plan; a type it already holds is refused. */
    public void addAddons(Account account, String actor, List<PlanRequest.Line> lines, LocalDate start) {
        var today = plans.today(account);
        var begin = ManagePlans.startOrToday(start, today, "service_effective_date");
        var typed = lines.stream().map(l -> new Typed(catalog.find(l.type()).filter(p -> !p.base())
                .orElseThrow(() -> ManagePlans.rejected("Invalid plan type.")), Math.max(l.hosts(), 0))).toList();
        change(account, actor, "add_addons", lines, (h, held) -> {
            requireBase(held, FREE, today);
            for (var line : typed) {
                requireBaseForAudioPayg(held, line.plan(), today);
                if (active(held, today).anyMatch(s -> s.type().equals(line.plan().type()))) {
                    throw ManagePlans.rejected("This subaccount already has the additional plan: " + line.plan().type() + ".");
                }
                insert(h, account.id(), line.plan(), line.hosts(), begin);
            }
        });
    }

    /** B9: an add-on's hosts, or a switch to another type of the same group. */
    public void updateAddon(Account account, String actor, String type, int hosts, LocalDate start) {
        var today = plans.today(account);
        var begin = ManagePlans.startOrToday(start, today, "service_effective_date");
        var plan = catalog.find(type).filter(p -> !p.base())
                .orElseThrow(() -> ManagePlans.rejected("Invalid Additional Plan Type: " + type + "."));
        change(account, actor, "update_addon", Map.of("type", type, "hosts", hosts), (h, held) -> {
            requireBase(held, "Cannot update Additional plan for a sub account under free plan.", today);
            requireBaseForAudioPayg(held, plan, today);
            var same = active(held, today).filter(s -> s.type().equals(type)).findFirst();
            if (same.isPresent()) {
                h.createUpdate("UPDATE subscription SET hosts = :hosts, updated_at = :now WHERE subscription_id = :id")
                        .bind("hosts", hosts).bind("now", now()).bind("id", same.get().id()).execute();
                return;
            }
            var group = active(held, today).filter(s -> s.group().equals(plan.group())).findFirst()
                    .orElseThrow(() -> ManagePlans.rejected("Account can't buy this product."));
            end(h, group.id(), today);
            insert(h, account.id(), plan, hosts, begin);
        });
    }

    /** B10: cancels an add-on (a Zoom Phone base type cancels the phone base plan and its add-ons). */
    public void cancelAddon(Account account, String actor, String type, Integer reason) {
        var today = plans.today(account);
        change(account, actor, "cancel_addon", Map.of("type", Objects.toString(type), "reason", Objects.toString(reason)),
                (h, held) -> {
                    requireBase(held, null, today);
                    if (groupOf(type).startsWith("plan_phone.")
                            && live(held, today).noneMatch(l -> l.group().startsWith("plan_phone."))) {
                        throw refused("You cannot perform this action because you do not have a Zoom Phone subscription "
                                + "for this account.");
                    }
                    var target = live(held, today).filter(s -> s.type().equals(type) && !s.group().equals("plan_base")).findFirst()
                            .orElseThrow(() -> refused("You do not have a \"" + type + "\" plan subscription."));
                    var lines = target.group().equals("plan_phone.plan_base")
                            ? live(held, today).filter(s -> s.group().startsWith("plan_phone.")).toList() : List.of(target);
                    for (var line : lines) {
                        cancel(h, line, reason, today);
                    }
                });
    }

    /** B11: the base plan's hosts ({@code hosts}, or {@code increasing} more), or a switch to another base type. */
    public void updateBase(Account account, String actor, String type, Integer hosts, Integer increasing, LocalDate start) {
        var today = plans.today(account);
        var begin = ManagePlans.startOrToday(start, today, "service_effective_date");
        if ((hosts == null || hosts < 1) && (increasing == null || increasing < 1)) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError("hosts",
                    "Give a positive hosts or increasing_hosts.")));
        }
        var plan = catalog.find(type).filter(PlanType::base)
                .orElseThrow(() -> ManagePlans.rejected("Invalid Base Plan: " + account.id().wire()));
        change(account, actor, "update_base", Map.of("type", type, "hosts", Objects.toString(hosts),
                "increasing_hosts", Objects.toString(increasing)), (h, held) -> {
                    var base = active(held, today).filter(s -> s.group().equals("plan_base")).findFirst()
                            .orElseThrow(() -> refused("You don't have a major subscription yet."));
                    int total = hosts != null && hosts > 0 ? hosts : base.hosts() + increasing;
                    if (!plan.allowsHosts(total)) {
                        throw ManagePlans.rejected("Invalid host number.");
                    }
                    if (base.type().equals(type)) {
                        h.createUpdate("UPDATE subscription SET hosts = :hosts, updated_at = :now WHERE subscription_id = :id")
                                .bind("hosts", total).bind("now", now()).bind("id", base.id()).execute();
                    } else {
                        end(h, base.id(), today);
                        insert(h, account.id(), plan, total, begin);
                    }
                });
    }

    /** B12: cancels the base plan at the end of its paid period, once every add-on is cancelled. */
    public void cancelBase(Account account, String actor, Integer reason) {
        var today = plans.today(account);
        change(account, actor, "cancel_base", Map.of("reason", Objects.toString(reason)), (h, held) -> {
            var base = live(held, today).filter(s -> s.group().equals("plan_base")).findFirst()
                    .orElseThrow(() -> refused("Cannot cancel plan for a sub account which is under free plan."));
            if (live(held, today).anyMatch(s -> !s.group().equals("plan_base"))) {
                throw refused("You should first cancel all additional subscriptions.");
            }
            cancel(h, base, reason, today);
        });
    }

    /** The catalog group of a type code ("" when unknown). */
    public String groupOf(String type) {
        return catalog.find(type).map(PlanType::group).orElse("");
    }

    private record Typed(PlanType plan, int hosts) {
    }

    /** One change: lock the account, read its lines, apply, audit before and after. */
    private interface Change {
        void apply(Handle h, List<Subscription> held);
    }

    private void change(Account account, String actor, String action, Object request, Change change) {
        db.inTransaction(h -> {
            h.createQuery("SELECT account_id FROM account WHERE account_id = :a FOR UPDATE").bind("a", account.id().value())
                    .mapTo(UUID.class).one();
            var before = plans.plans(h, account.id());
            change.apply(h, before);
            var today = plans.today(account);
            ManagePlans.audit(h, account.id(), actor, now(), action, Map.of("request", request, "lines", view(before, today)),
                    view(plans.plans(h, account.id()), today));
            return null;
        });
    }

    private static List<Map<String, Object>> view(List<Subscription> lines, LocalDate today) {
        return lines.stream().map(s -> Map.<String, Object>of("type", s.type(), "hosts", s.hosts(),
                "status", s.statusOn(today).wire(), "cancel_at", Objects.toString(s.cancelAt(), ""))).toList();
    }

    /** Lines in service today (a cancelled one until its paid period ends). */
    private static java.util.stream.Stream<Subscription> active(List<Subscription> held, LocalDate today) {
        return held.stream().filter(s -> s.activeOn(today));
    }

    /** Lines in service and not yet cancelled. */
    private static java.util.stream.Stream<Subscription> live(List<Subscription> held, LocalDate today) {
        return active(held, today).filter(s -> s.cancelAt() == null);
    }

    /** Zoom sells the Audio Conferencing Pay As You Go add-on only on Business and Education base plans. */
    private void requireBaseForAudioPayg(List<Subscription> held, PlanType plan, LocalDate today) {
        if (!plan.group().equals("plan_audio") || !plan.name().contains("Pay As You Go")) {
            return;
        }
        boolean businessOrEducation = live(held, today).filter(l -> l.group().equals("plan_base"))
                .map(l -> catalog.find(l.type()).map(PlanType::name).orElse(""))
                .anyMatch(name -> name.contains("Biz") || name.contains("Business") || name.contains("Education"));
        if (!businessOrEducation) {
            throw ManagePlans.rejected("Can not subscribe/update additional Audio Conferencing Pay As You Go Plan for a sub "
                    + "account whose base plan is not Business/Education plan.");
        }
    }

    private static void requireBase(List<Subscription> held, String message, LocalDate today) {
        if (live(held, today).noneMatch(s -> s.group().equals("plan_base"))) {
            throw message == null ? refused("You cannot cancel an add-on plan for a sub account that is under a Free plan.")
                    : ManagePlans.rejected(message);
        }
    }

    private void cancel(Handle h, Subscription line, Integer reason, LocalDate today) {
        h.createUpdate("UPDATE subscription SET cancel_at = :at, cancel_reason = :reason, auto_renew = false, "
                        + "updated_at = :now WHERE subscription_id = :id")
                .bind("at", line.nextInvoiceDate(today)).bind("reason", reason).bind("now", now())
                .bind("id", line.id()).execute();
    }

    /** A line replaced by another (a plan switch) ends today. */
    private void end(Handle h, UUID id, LocalDate today) {
        h.createUpdate("UPDATE subscription SET status = 'expired', cancel_at = :today, auto_renew = false, updated_at = :now "
                + "WHERE subscription_id = :id").bind("today", today).bind("now", now()).bind("id", id).execute();
    }

    private void insert(Handle h, AccountId account, PlanType plan, int hosts, LocalDate start) {
        ManagePlans.insert(h, account, plan, hosts, start, PlanRequest.Options.NONE, now());
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Zoom's code-200 refusals of B10/B12. */
    private static Invalid refused(String message) {
        return new Invalid(ErrorCode.PLAN_STATE, message);
    }
}
