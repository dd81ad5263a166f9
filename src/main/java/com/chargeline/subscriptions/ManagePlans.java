package com.chargeline.subscriptions;

import com.chargeline.accounts.Account;
import com.chargeline.catalog.BillingCycle;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Subscribing accounts to plans (Zoom Billing B7) and reading what they hold (B6): each plan line a
 * row, checked against the catalog, every change written to {@code plan_audit} in the same
 * transaction. Dates are the UTC calendar of the injected clock.
 */
public final class ManagePlans {
    /** Zoom's {@code contract_term} values, in months. */
    public static final Set<Integer> CONTRACT_TERMS = Set.of(1, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final Clock clock;
    private final PlanCatalog catalog;

    public ManagePlans(Database db, Clock clock, PlanCatalog catalog) {
        this.db = db;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** The account's calendar date now: plan dates are days in the account's time zone. */
    public LocalDate today(Account account) {
        return LocalDate.ofInstant(clock.instant(), account.profile().timeZone());
    }

    public LocalDate today(java.time.ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }


    /** Every plan line of the account, oldest first. */
    public List<Subscription> plans(AccountId account) {
        return db.withHandle(h -> plans(h, account));
    }

    List<Subscription> plans(Handle h, AccountId account) {
        return h.createQuery("SELECT subscription_id, plan_group, plan_type, hosts, billing_cycle, status, "
                        + "service_effective_date, paid_period_start_date, cancel_at, auto_renew FROM subscription "
                        + "WHERE account_id = :account ORDER BY created_at, plan_group, plan_type")
                .bind("account", account.value())
                .map((rs, ctx) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        BillingCycle.fromWire(rs.getString(5)), SubscriptionStatus.fromDb(rs.getString(6)), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getBoolean(10)))
                .list();
    }

    /** The checks of {@link #subscribe} that need no lock, so a refused request changes nothing (the billing contact included). */
    public void check(Account account, PlanRequest request) {
        priced(account, request);
        if (hasActiveBase(account.id())) {
            throw rejected("Cannot add plan for the subaccount which is not free plan.");
        }
    }

    private boolean hasActiveBase(AccountId account) {
        return db.withHandle(h -> activeBase(h, account));
    }

    private static boolean activeBase(Handle h, AccountId account) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM subscription WHERE account_id = :a "
                        + "AND plan_group = 'plan_base' AND status = 'active')")
                .bind("a", account.value()).mapTo(Boolean.class).one();
    }

    /** What the Accounts API shows of an account's base plan: Zoom's account type, seats, and the paid period. */
    public record Standing(String accountType, int seats, LocalDate periodStart, LocalDate periodEnd) {
        /** An account without a base plan in service: what was recorded at creation ("Free" for a sub account). */
        public static Standing stored(Account account) {
            return new Standing(account.profile().type(), account.profile().seats(), null, null);
        }
    }

    /** Each account's standing today where a base plan is in service, in one query for all of them. */
    public Map<AccountId, Standing> standings(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        var byId = new java.util.HashMap<UUID, Account>();
        accounts.forEach(a -> byId.put(a.id().value(), a));
        var out = new java.util.HashMap<AccountId, Standing>();
        db.withHandle(h -> h.createQuery("SELECT account_id, plan_type, hosts, billing_cycle, status, service_effective_date, "
                        + "paid_period_start_date, cancel_at FROM subscription WHERE plan_group = 'plan_base' "
                        + "AND status = 'active' AND account_id = ANY(:ids) ORDER BY created_at")
                .bindArray("ids", UUID.class, byId.keySet())
                .map((rs, ctx) -> {
                    var account = byId.get(rs.getObject(1, UUID.class));
                    var line = new Subscription(null, "plan_base", rs.getString(2), rs.getInt(3),
                            BillingCycle.fromWire(rs.getString(4)), SubscriptionStatus.fromDb(rs.getString(5)), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), true);
                    var today = today(account);
                    if (line.activeOn(today)) {
                        var name = catalog.find(line.type()).map(PlanType::name).orElse("");
                        out.put(account.id(), new Standing(family(name), line.hosts(), line.serviceEffectiveDate(),
                                line.cancelAt() != null ? line.cancelAt() : line.nextInvoiceDate(today)));
                    }
                    return 0;
                }).list());
        return out;
    }

    /** Zoom's account type for a base plan's name. */
    static String family(String planName) {
        if (planName.contains("Video SDK")) {
            return "Zoom Video SDK";
        }
        if (planName.contains("Education")) {
            return "Education";
        }
        if (planName.contains("Enterprise")) {
            return "Enterprise";
        }
        return planName.contains("Biz") || planName.contains("Business") ? "Business" : "Pro";
    }

    /** The master's discount on list prices, in percent (0 when none is set). */
    public BigDecimal discount(AccountId master) {
        return db.withHandle(h -> h.createQuery("SELECT percent FROM plan_discount WHERE master_account_id = :m")
                .bind("m", master.value()).mapTo(BigDecimal.class).findOne().orElse(BigDecimal.ZERO));
    }

    /** Sets the master's discount (0 to under 100 percent). */
    public void setDiscount(AccountId master, BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0 || percent.scale() > 2) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError("percent",
                    "A percentage from 0 to under 100, at most two decimals.")));
        }
        db.inTransaction(h -> h.createUpdate("INSERT INTO plan_discount (master_account_id, percent, updated_at) "
                        + "VALUES (:m, :p, :now) ON CONFLICT (master_account_id) DO UPDATE SET percent = EXCLUDED.percent, "
                        + "updated_at = EXCLUDED.updated_at")
                .bind("m", master.value()).bind("p", percent)
                .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).execute());
    }

    /** One change of an account's plans: who, when, what, the lines before and after (JSON). */
    public record AuditEntry(OffsetDateTime at, String actor, String action, String before, String after) {
    }

    /** The account's plan changes, newest first. */
    public List<AuditEntry> auditLog(AccountId account, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT at, actor, action, before::text, after::text FROM plan_audit "
                        + "WHERE account_id = :a ORDER BY audit_id DESC LIMIT :limit")
                .bind("a", account.value()).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    /** Whether the account holds any plan line (active, or cancelled but still in its paid period). */
    public boolean hasPlan(Account account) {
        return db.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM subscription WHERE account_id = :a "
                        + "AND status = 'active' AND (cancel_at IS NULL OR cancel_at > :today))")
                .bind("a", account.id().value()).bind("today", today(account)).mapTo(Boolean.class).one());
    }

    /** B7: a base plan and the add-ons bought with it, for an account on the free plan. */
    public void subscribe(Account account, String actor, PlanRequest request) {
        var options = request.options();
        subscribe(account, actor, request, priced(account, request), options.start() != null ? options.start() : today(account));
    }

    /**
     * Records plans an account already held before it came to Chargeline (a reseller's migration,
     * the demo): as {@link #subscribe} but with a paid period that may have started in the past.
     */
    public void importExisting(Account account, String actor, PlanRequest request, LocalDate startedOn) {
        var undated = new PlanRequest(request.base(), request.addons(), new PlanRequest.Options(null,
                request.options().contractTerm(), request.options().purchaseOrderNumber(),
                request.options().dealRegistrationId()));
        subscribe(account, actor, request, priced(account, undated), startedOn);
    }

    private void subscribe(Account account, String actor, PlanRequest request, List<Priced> lines, LocalDate start) {
        var options = request.options();
        db.inTransaction(h -> {
            h.createQuery("SELECT account_id FROM account WHERE account_id = :a FOR UPDATE").bind("a", account.id().value())
                    .mapTo(UUID.class).one();
            if (activeBase(h, account.id())) {
                throw rejected("Cannot add plan for the subaccount which is not free plan.");
            }
            var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            for (var line : lines) {
                insert(h, account.id(), line, start, options, now);
            }
            audit(h, account.id(), actor, now, "subscribe", null, lines.stream()
                    .map(l -> Map.of("type", l.plan().type(), "group", l.plan().group(), "hosts", l.hosts())).toList());
            return null;
        });
    }

    /** The request's lines checked against the catalog and Zoom's rules. */
    private List<Priced> priced(Account account, PlanRequest request) {
        var options = request.options();
        startOrToday(options.start(), today(account), "subscription_options.service_effective_date");
        if (options.contractTerm() != null && !CONTRACT_TERMS.contains(options.contractTerm())) {
            throw new Invalid(ErrorCode.INVALID_CONTRACT_TERM,
                    "Your request cannot be processed due to an invalid contract term.");
        }
        var base = catalog.find(request.base().type()).filter(PlanType::base)
                .orElseThrow(() -> rejected("Invalid Base Plan: " + account.id().wire()));
        if (!base.allowsHosts(request.base().hosts())) {
            throw rejected("Invalid host number.");
        }
        var lines = new ArrayList<Priced>();
        lines.add(new Priced(base, request.base().hosts()));
        for (var addon : request.addons()) {
            var plan = catalog.find(addon.type()).filter(p -> p.group().equals(addon.group()))
                    .orElseThrow(() -> invalidAddon(addon));
            lines.add(new Priced(plan, Math.max(addon.hosts(), 0)));
        }
        return lines;
    }

    private record Priced(PlanType plan, int hosts) {
    }

    private static void insert(Handle h, AccountId account, Priced line, LocalDate start, PlanRequest.Options options,
                               OffsetDateTime now) {
        insert(h, account, line.plan(), line.hosts(), start, options, now);
    }

    /** Writes one new active plan line whose paid period starts on {@code start}. */
    static void insert(Handle h, AccountId account, PlanType plan, int hosts, LocalDate start, PlanRequest.Options options,
                       OffsetDateTime now) {
        h.createUpdate("INSERT INTO subscription (subscription_id, account_id, plan_group, plan_type, hosts, billing_cycle, "
                        + "status, service_effective_date, paid_period_start_date, contract_term, purchase_order_number, "
                        + "deal_registration_id, created_at, updated_at) VALUES (:id, :account, :group, :type, :hosts, :cycle, "
                        + "'active', :start, :start, :term, :po, :deal, :now, :now)")
                .bind("id", UUID.randomUUID()).bind("account", account.value()).bind("group", plan.group())
                .bind("type", plan.type()).bind("hosts", hosts).bind("cycle", plan.cycle().wire())
                .bind("start", start).bind("term", options.contractTerm()).bind("po", options.purchaseOrderNumber())
                .bind("deal", options.dealRegistrationId()).bind("now", now)
                .execute();
    }

    static void audit(Handle h, AccountId account, String actor, OffsetDateTime at, String action, Object before,
                      Object after) {
        try {
            h.createUpdate("INSERT INTO plan_audit (account_id, actor, at, action, before, after) "
                            + "VALUES (:account, :actor, :at, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))")
                    .bind("account", account.value()).bind("actor", actor).bind("at", at).bind("action", action)
                    .bind("before", before == null ? null : JSON.writeValueAsString(before))
                    .bind("after", after == null ? null : JSON.writeValueAsString(after))
                    .execute();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    /** A requested start of a paid period: in the future, or (null) today. */
    static LocalDate startOrToday(LocalDate given, LocalDate today, String field) {
        if (given != null && !given.isAfter(today)) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                    field, "Must be in the future.")));
        }
        return given != null ? given : today;
    }

    static Invalid rejected(String message) {
        return new Invalid(ErrorCode.PLAN_REJECTED, message);
    }
}
