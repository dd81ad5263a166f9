package com.chargeline.subscriptions;

import com.chargeline.catalog.BillingCycle;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import com.chargeline.common.time.Zones;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * What a reseller reads about plans: an account's plan usage (Zoom B13: hosts bought, licences in
 * use — the account's directory users hold its base-plan licence — pending) and the master's
 * upcoming renewals (B14: master-paid sub accounts whose auto-renewing lines invoice within the
 * interval, priced from the price book less the master's discount, to the cent).
 */
public final class PlanReports {
    private final Database db;
    private final PlanCatalog catalog;
    private final ManagePlans plans;

    public PlanReports(Database db, PlanCatalog catalog, ManagePlans plans) {
        this.db = db;
        this.catalog = catalog;
        this.plans = plans;
    }

    /** One line of plan usage: {@code usage} licences of {@code hosts} in use. */
    public record Usage(Subscription line, PlanType plan, int usage, int pending) {
    }

    /** B13; an account without a base plan is refused as Zoom does. */
    public List<Usage> usage(com.chargeline.accounts.Account owner) {
        var account = owner.id();
        var today = plans.today(owner);
        var lines = plans.plans(account).stream().filter(s -> s.activeOn(today)).toList();
        if (lines.stream().noneMatch(s -> s.group().equals("plan_base"))) {
            throw new Invalid(ErrorCode.PLAN_STATE, "Only available for paid account.");
        }
        int users = db.withHandle(h -> h.createQuery("SELECT count(*) FROM phone_user WHERE account_id = :a")
                .bind("a", account.value()).mapTo(Integer.class).one());
        return lines.stream().map(s -> new Usage(s, catalog.find(s.type()).orElseThrow(),
                s.group().equals("plan_base") ? Math.min(users, s.hosts()) : 0, 0)).toList();
    }

    /** A sub account's renewals in the interval. */
    public record Renewal(AccountId account, long accountNumber, String accountName, String email, LocalDate nextRenewalDate,
                          BigDecimal total, boolean autoRenew, List<Item> items) {
        public long totalRounded() {
            return total.setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** One renewing line: plan name, quantity (hosts, at least 1), cycle, dates and amount. */
    public record Item(String planName, int quantity, BillingCycle cycle, LocalDate serviceEffectiveDate,
                       LocalDate nextInvoiceDate, BigDecimal amount) {
    }

    /** B14: every master-paid sub account of {@code master} renewing within {@code days}, by account number. */
    public List<Renewal> renewals(AccountId master, int days) {
        var byAccount = new LinkedHashMap<UUID, List<Object[]>>();
        db.withHandle(h -> h.createQuery("SELECT a.account_id, a.account_number, a.account_name, a.owner_email, s.plan_type, "
                        + "s.hosts, s.billing_cycle, s.service_effective_date, s.paid_period_start_date, a.time_zone "
                        + "FROM account a JOIN subscription s ON s.account_id = a.account_id "
                        + "WHERE a.master_account_id = :m AND a.pay_mode = 'master' AND s.status = 'active' "
                        + "AND s.cancel_at IS NULL AND s.auto_renew ORDER BY a.account_number, s.created_at")
                .bind("m", master.value())
                .map((rs, ctx) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                    rs.getObject(9, LocalDate.class), rs.getString(10)})
                .list()).forEach(row -> byAccount.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(row));
        var factor = BigDecimal.ONE.subtract(plans.discount(master).movePointLeft(2));
        var out = new ArrayList<Renewal>();
        byAccount.forEach((id, rows) -> {
            var items = new ArrayList<Item>();
            var today = plans.today(Zones.stored((String) rows.getFirst()[9]));
            var until = today.plusDays(days);
            for (var row : rows) {
                var plan = catalog.find((String) row[4]).orElseThrow();
                var cycle = BillingCycle.fromWire((String) row[6]);
                var next = cycle.nextInvoiceDate((LocalDate) row[8], today);
                if (next.isAfter(until)) {
                    continue;
                }
                int quantity = Math.max(1, (Integer) row[5]);
                items.add(new Item(plan.name(), quantity, cycle, (LocalDate) row[7], next,
                        plan.listPrice().multiply(BigDecimal.valueOf(quantity)).multiply(factor)
                                .setScale(2, RoundingMode.HALF_UP)));
            }
            if (!items.isEmpty()) {
                var first = rows.getFirst();
                out.add(new Renewal(new AccountId(id), (Long) first[1], (String) first[2], (String) first[3],
                        items.stream().map(Item::nextInvoiceDate).min(Comparator.naturalOrder()).orElseThrow(),
                        items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add), true, items));
            }
        });
        return out;
    }
}
