package com.chargeline.subscriptions;

import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Zoom's rules for plan requests, checked against the catalog: what a subscription may hold, which
 * terms and host counts are allowed, and Zoom's verbatim refusals. No database: what an account
 * already holds is given.
 */
public final class PlanRules {
    /** Zoom's {@code contract_term} values, in months. */
    public static final Set<Integer> CONTRACT_TERMS = Set.of(1, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120);
    private final PlanCatalog catalog;

    public PlanRules(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** A requested line found in the catalog, with its hosts (0 and up). */
    public record Line(PlanType plan, int hosts) {
    }

    /** The catalog group of a type code ("" when unknown). */
    public String groupOf(String type) {
        return catalog.find(type).map(PlanType::group).orElse("");
    }

    /** The catalog entry of a type code an account holds (the catalog keeps every code it ever sold). */
    PlanType held(String type) {
        return catalog.find(type).orElseThrow();
    }

    /**
     * B7's checks of a base plan and its add-ons for {@code account} on {@code today} (a start must be in
     * the future), in Zoom's order: the start, the contract term, the base plan and its hosts, each add-on.
     */
    public List<Line> check(AccountId account, PlanRequest request, LocalDate today) {
        var options = request.options();
        startOrToday(options.start(), today, "subscription_options.service_effective_date");
        if (options.contractTerm() != null && !CONTRACT_TERMS.contains(options.contractTerm())) {
            throw new Invalid(ErrorCode.INVALID_CONTRACT_TERM,
                    "Your request cannot be processed due to an invalid contract term.");
        }
        var base = catalog.find(request.base().type()).filter(PlanType::base)
                .orElseThrow(() -> rejected("Invalid Base Plan: " + account.wire()));
        if (!base.allowsHosts(request.base().hosts())) {
            throw rejected("Invalid host number.");
        }
        var lines = new ArrayList<Line>();
        lines.add(new Line(base, request.base().hosts()));
        var given = new HashMap<String, String>();
        for (var addon : request.addons()) {
            var plan = catalog.find(addon.type()).filter(p -> p.group().equals(addon.group()))
                    .orElseThrow(() -> invalidAddon(addon));
            requireOnce(given, addon);
            lines.add(new Line(plan, hostsOf(addon)));
        }
        return lines;
    }

    /**
     * B8's lines: add-on types of the catalog (not base plans), in the group each was given under (when
     * given), else {@code message} as Zoom's refusal; each type once.
     */
    List<Line> addons(List<PlanRequest.Line> requested, String message) {
        var lines = new ArrayList<Line>();
        var given = new HashMap<String, String>();
        for (var line : requested) {
            var plan = catalog.find(line.type()).filter(p -> !p.base())
                    .filter(p -> line.group().isEmpty() || p.group().equals(line.group()))
                    .orElseThrow(() -> rejected(message));
            requireOnce(given, line);
            lines.add(new Line(plan, hostsOf(line)));
        }
        return lines;
    }

    /** An add-on type of the catalog (not a base plan), else {@code message} as Zoom's refusal. */
    PlanType addon(String type, String message) {
        return catalog.find(type).filter(p -> !p.base()).orElseThrow(() -> rejected(message));
    }

    /**
     * An account holds one active line per type, so a request gives each type once: the second place is
     * refused, naming the first ({@code given} maps the types seen so far to where they were given).
     */
    private static void requireOnce(Map<String, String> given, PlanRequest.Line line) {
        var first = given.putIfAbsent(line.type(), line.field());
        if (first != null) {
            throw invalidField(line.field(), line.type() + " is already given at " + first
                    + "; each plan type may be given once.");
        }
    }

    /** An add-on's hosts: 0 or more (0 where its group has none); a negative count is refused, never made 0. */
    private static int hostsOf(PlanRequest.Line line) {
        if (line.hosts() < 0) {
            var field = line.field().endsWith(".type") ? line.field().substring(0, line.field().length() - 5) + ".hosts"
                    : "hosts";
            throw invalidField(field, "Must be 0 or more.");
        }
        return line.hosts();
    }

    /** A base-plan type of the catalog, else Zoom's "Invalid Base Plan" refusal naming the account. */
    PlanType base(String type, AccountId account) {
        return catalog.find(type).filter(PlanType::base).orElseThrow(() -> rejected("Invalid Base Plan: " + account.wire()));
    }

    /** Zoom sells the Audio Conferencing Pay As You Go add-on only on Business and Education base plans. */
    void requireBaseForAudioPayg(Stream<Subscription> live, PlanType plan) {
        if (!plan.group().equals("plan_audio") || !plan.name().contains("Pay As You Go")) {
            return;
        }
        boolean businessOrEducation = live.filter(l -> l.group().equals("plan_base"))
                .map(l -> catalog.find(l.type()).map(PlanType::name).orElse(""))
                .anyMatch(name -> name.contains("Biz") || name.contains("Business") || name.contains("Education"));
        if (!businessOrEducation) {
            throw rejected("Can not subscribe/update additional Audio Conferencing Pay As You Go Plan for a sub "
                    + "account whose base plan is not Business/Education plan.");
        }
    }

    /** Zoom's account type for a base plan type ("Pro" when the name says nothing else). */
    String accountType(String type) {
        var name = catalog.find(type).map(PlanType::name).orElse("");
        if (name.contains("Video SDK")) {
            return "Zoom Video SDK";
        }
        if (name.contains("Education")) {
            return "Education";
        }
        if (name.contains("Enterprise")) {
            return "Enterprise";
        }
        return name.contains("Biz") || name.contains("Business") ? "Business" : "Pro";
    }

    /** A requested start of a paid period: in the future, or (null) today. */
    static LocalDate startOrToday(LocalDate given, LocalDate today, String field) {
        if (given != null && !given.isAfter(today)) {
            throw invalidField(field, "Must be in the future.");
        }
        return given != null ? given : today;
    }

    /** A host count given for a line is 0 and up (the database refuses fewer). */
    static void requireHosts(int given, String field) {
        if (given < 0) {
            throw invalidField(field, "Must be 0 or more.");
        }
    }

    /** The 300 "Validation Failed." refusal naming one field. */
    static Invalid invalidField(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(field, message)));
    }

    /** The add-on message Zoom's spec gives for the group, else its generic refusal. */
    private static Invalid invalidAddon(PlanRequest.Line addon) {
        return rejected(switch (addon.group()) {
            case "plan_recording" -> "Invalid Cloud Recording Plan: " + addon.type();
            case "plan_audio" -> "Invalid Audio Conferencing Plan: " + addon.type();
            case "plan_zoom_events" -> "Invalid Zoom Event plan: " + addon.type();
            default -> "Account doesn't have the permission to purchase this plan.";
        });
    }

    /** Zoom's code-2100 refusal of a plan request. */
    static Invalid rejected(String message) {
        return new Invalid(ErrorCode.PLAN_REJECTED, message);
    }

    /** Zoom's code-200 refusals of B10/B12 (the account's plans are not in the state asked for). */
    static Invalid refused(String message) {
        return new Invalid(ErrorCode.PLAN_STATE, message);
    }
}
