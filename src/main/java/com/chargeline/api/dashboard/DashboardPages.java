package com.chargeline.api.dashboard;

import static com.chargeline.api.dashboard.DashboardEndpoints.invalid;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.catalog.PlanType;
import com.chargeline.common.error.BillingException;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Calendars;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceDocuments;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.UsageCharges;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.subscriptions.PlanReports;
import com.chargeline.usage.ingest.UsageQueries;
import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.PriceLists;
import com.chargeline.usage.reports.RollupTotals;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds the dashboard's pages ({@link Pages}) for a signed-in caller from the domain's queries: usage from the
 * rollup tables ({@link RollupTotals}, never the records), a call's stored rating and explanation, plans and
 * renewals, invoices and their PDFs, and the rate deck an account rates with. Accounts are always resolved through
 * {@link AccountAccess}, so a page shows exactly what the caller's API tokens could read.
 */
public final class DashboardPages {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,15}");
    private static final int MAX_SUB_ACCOUNTS = 10_000;
    private static final int SPLIT_ROWS = 10;
    private static final int RATE_ROWS = 50;

    /** What the dashboard reads with. */
    public record Sources(AccountAccess access, AccountQueries accounts, RollupTotals totals, UsageQueries calls,
                          PlanQueries plans, PlanReports planReports, PlanCatalog catalog, InvoiceQueries invoices,
                          InvoiceDocuments documents, PriceLists priceLists) {
    }

    /** An invoice's PDF and the name to save it under. */
    public record Pdf(String name, byte[] bytes) {
    }

    private final Sources s;
    private final Clock clock;
    private final ObjectMapper json;

    public DashboardPages(Sources sources, Clock clock, ObjectMapper json) {
        this.s = sources;
        this.clock = clock;
        this.json = json;
    }

    Account account(AccountId id) {
        return s.accounts().find(id).orElseThrow(() -> AccountAccess.notFound(id.wire()));
    }

    /** The caller's account and, for a master, its sub accounts by number. */
    private List<Account> scope(AccountId caller) {
        var self = account(caller);
        var out = new ArrayList<Account>();
        out.add(self);
        if (self.isMaster()) {
            out.addAll(s.accounts().subAccounts(caller, new AccountQueries.SubAccountFilter(null, null), 0, 0,
                    MAX_SUB_ACCOUNTS).accounts());
        }
        return out;
    }

    private Account target(AccountId caller, String account) {
        return account == null || account.isBlank() ? account(caller) : s.access().resolve(caller, account.strip());
    }

    private List<Pages.Option> accountOptions(AccountId caller, Account selected) {
        return scope(caller).stream().map(a -> new Pages.Option(a.id().wire(), a.profile().name(),
                a.id().equals(selected.id()))).toList();
    }

    // ---- overview

    /** One account's numbers on the overview. */
    private record Standing(Account account, String currency, RollupTotals.Period thisMonth,
                            RollupTotals.Period lastMonth, BigDecimal[] daily) {
    }

    private List<Standing> standings(AccountId caller) {
        var accounts = scope(caller);
        var now = clock.instant();
        var months = new HashSet<LocalDate>();
        LocalDate from = LocalDate.MAX;
        LocalDate until = LocalDate.MIN;
        for (var a : accounts) {
            var today = now.atZone(a.profile().timeZone()).toLocalDate();
            var month = YearMonth.from(today);
            months.add(month.atDay(1));
            months.add(month.minusMonths(1).atDay(1));
            from = month.atDay(1).isBefore(from) ? month.atDay(1) : from;
            until = today.isAfter(until) ? today : until;
        }
        var ids = accounts.stream().map(a -> a.id().value()).toList();
        var byMonth = new HashMap<List<Object>, RollupTotals.Period>();
        for (var p : s.totals().months(ids, months)) {
            byMonth.merge(List.of(p.accountId(), p.period(), p.currency()), p, DashboardPages::plus);
        }
        var byDay = new HashMap<UUID, List<RollupTotals.Period>>();
        for (var d : s.totals().days(ids, from, until)) {
            byDay.computeIfAbsent(d.accountId(), k -> new ArrayList<>()).add(d);
        }
        var out = new ArrayList<Standing>();
        for (var a : accounts) {
            var zone = a.profile().timeZone();
            var today = Calendars.today(clock, zone);
            var month = YearMonth.from(today);
            var currencies = new java.util.TreeSet<String>();
            byMonth.keySet().stream().filter(k -> k.get(0).equals(a.id().value())).forEach(k -> currencies.add((String) k.get(2)));
            if (currencies.isEmpty()) {
                currencies.add(a.profile().currency().getCurrencyCode());
            }
            for (var currency : currencies) {
                var daily = new BigDecimal[today.getDayOfMonth()];
                java.util.Arrays.fill(daily, BigDecimal.ZERO);
                for (var d : byDay.getOrDefault(a.id().value(), List.of())) {
                    if (d.currency().equals(currency) && YearMonth.from(d.period()).equals(month)
                            && !d.period().isAfter(today)) {
                        daily[d.period().getDayOfMonth() - 1] = daily[d.period().getDayOfMonth() - 1].add(d.charge());
                    }
                }
                out.add(new Standing(a, currency, byMonth.get(List.of(a.id().value(), month.atDay(1), currency)),
                        byMonth.get(List.of(a.id().value(), month.minusMonths(1).atDay(1), currency)), daily));
            }
        }
        return out;
    }

    public Pages.Overview overview(Pages.Frame frame, AccountId caller) {
        var rows = new ArrayList<Pages.OverviewRow>();
        var totals = new TreeMap<String, BigDecimal[]>();
        for (var st : standings(caller)) {
            var a = st.account();
            var mtd = charge(st.thisMonth());
            var last = charge(st.lastMonth());
            var sum = totals.computeIfAbsent(st.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(mtd);
            sum[1] = sum[1].add(last);
            var spark = new StringBuilder();
            BigDecimal high = BigDecimal.ZERO;
            int highDay = 0;
            for (int i = 0; i < st.daily().length; i++) {
                spark.append(i == 0 ? "" : ",").append(money(st.daily()[i], st.currency()));
                if (st.daily()[i].compareTo(high) > 0) {
                    high = st.daily()[i];
                    highDay = i + 1;
                }
            }
            var text = highDay == 0 ? "No charges this month yet."
                    : "Daily charges this month; highest " + money(high, st.currency()) + " " + st.currency() + " on day "
                    + highDay + ".";
            rows.add(new Pages.OverviewRow(a.id().wire(), a.profile().name(), a.isMaster() ? "Master" : "Sub account",
                    st.currency(), money(mtd, st.currency()), money(last, st.currency()), change(mtd, last),
                    Long.toString(st.thisMonth() == null ? 0 : st.thisMonth().calls()),
                    minutes(st.thisMonth() == null ? 0 : st.thisMonth().billedSeconds()),
                    Long.toString(st.thisMonth() == null ? 0 : st.thisMonth().messages()), spark.toString(), text));
        }
        var today = Calendars.today(clock, account(caller).profile().timeZone());
        var month = YearMonth.from(today);
        return new Pages.Overview(frame, month.toString(), month.minusMonths(1).toString(), rows,
                totals.entrySet().stream().map(e -> new Pages.Total(e.getKey(), money(e.getValue()[0], e.getKey()),
                        money(e.getValue()[1], e.getKey()))).toList());
    }

    public String overviewCsv(AccountId caller) {
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("account_id", "name", "currency",
                "month_to_date_charges", "last_month_charges", "calls", "billed_minutes", "messages",
                "daily_charges").get())) {
            for (var st : standings(caller)) {
                var m = st.thisMonth();
                var daily = new StringBuilder();
                for (int i = 0; i < st.daily().length; i++) {
                    daily.append(i == 0 ? "" : " ").append(money(st.daily()[i], st.currency()));
                }
                csv.printRecord(st.account().id().wire(), st.account().profile().name(), st.currency(),
                        money(charge(m), st.currency()), money(charge(st.lastMonth()), st.currency()),
                        m == null ? 0 : m.calls(), minutes(m == null ? 0 : m.billedSeconds()),
                        m == null ? 0 : m.messages(), daily);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    // ---- usage

    private YearMonth month(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(Calendars.today(clock, zone));
        }
        if (!MONTH.matcher(text.strip()).matches()) {
            throw invalid("month", "must be a month as YYYY-MM.");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid("month", "must be a month as YYYY-MM.");
        }
    }

    /** The account's days of the month up to today, from the daily totals in its calendar. */
    private List<Pages.Day> days(Account account, YearMonth month) {
        var zone = account.profile().timeZone();
        var today = Calendars.today(clock, zone);
        var last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        var out = new ArrayList<Pages.Day>();
        if (last.isBefore(month.atDay(1))) {
            return out;
        }
        var byDay = new TreeMap<LocalDate, List<RollupTotals.Period>>();
        for (var d : s.totals().days(List.of(account.id().value()), month.atDay(1), last)) {
            byDay.computeIfAbsent(d.period(), k -> new ArrayList<>()).add(d);
        }
        var currency = account.profile().currency().getCurrencyCode();
        for (var day = month.atDay(1); !day.isAfter(last); day = day.plusDays(1)) {
            var periods = byDay.getOrDefault(day, List.of());
            if (periods.isEmpty()) {
                out.add(new Pages.Day(day.toString(), "0", minutes(0), "0", money(BigDecimal.ZERO, currency), currency));
            }
            for (var p : periods) {
                out.add(new Pages.Day(day.toString(), Long.toString(p.calls()), minutes(p.billedSeconds()),
                        Long.toString(p.messages()), money(p.charge(), p.currency()), p.currency()));
            }
        }
        return out;
    }

    public Pages.Usage usage(Pages.Frame frame, AccountId caller, String accountParam, String monthParam) {
        var account = target(caller, accountParam);
        var zone = account.profile().timeZone();
        var month = month(monthParam, zone);
        var days = days(account, month);
        var dailyChart = chart("bar", days.stream().map(d -> d.day().substring(8)).toList(), List.of(
                series("Charges (" + account.profile().currency().getCurrencyCode() + ")",
                        days.stream().map(Pages.Day::charge).toList(), "y"),
                series("Billed minutes", days.stream().map(Pages.Day::minutes).toList(), "y1")));
        var id = account.id().value();
        var first = month.atDay(1);
        var callTypes = lines(s.totals().split(id, first, RollupTotals.Split.CALL_TYPE, SPLIT_ROWS),
                UsageCharges::callTypeName);
        var callTypeChart = chart("doughnut", callTypes.stream().map(Pages.Line::label).toList(),
                List.of(series("Charges", callTypes.stream().map(Pages.Line::charge).toList(), "y")));
        var months = new ArrayList<Pages.Option>();
        var current = YearMonth.from(Calendars.today(clock, zone));
        for (int i = 0; i < 13; i++) {
            var m = current.minusMonths(i);
            months.add(new Pages.Option(m.toString(), m.toString(), m.equals(month)));
        }
        if (!months.stream().anyMatch(Pages.Option::selected)) {
            months.add(new Pages.Option(month.toString(), month.toString(), true));
        }
        return new Pages.Usage(frame, accountOptions(caller, account), months, account.id().wire(), month.toString(),
                dailyChart, days, "/dashboard/usage.csv?account=" + account.id().wire() + "&month=" + month,
                callTypeChart, callTypes,
                lines(s.totals().split(id, first, RollupTotals.Split.DESTINATION, SPLIT_ROWS), DashboardPages::country),
                lines(s.totals().split(id, first, RollupTotals.Split.COST_CENTER, SPLIT_ROWS), DashboardPages::orNone),
                lines(s.totals().split(id, first, RollupTotals.Split.DEPARTMENT, SPLIT_ROWS), DashboardPages::orNone),
                lines(s.totals().split(id, first, RollupTotals.Split.MESSAGE_TYPE, SPLIT_ROWS), l -> l));
    }

    public String usageCsv(AccountId caller, String accountParam, String monthParam) {
        var account = target(caller, accountParam);
        var month = month(monthParam, account.profile().timeZone());
        var out = new StringBuilder();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("day", "calls", "billed_minutes",
                "messages", "charges", "currency").get())) {
            for (var d : days(account, month)) {
                csv.printRecord(d.day(), d.calls(), d.minutes(), d.messages(), d.charge(), d.currency());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static List<Pages.Line> lines(List<RollupTotals.Share> shares, java.util.function.UnaryOperator<String> label) {
        return shares.stream().map(x -> new Pages.Line(label.apply(x.label()), Long.toString(x.records()),
                minutes(x.billedSeconds()), Long.toString(x.segments()), money(x.charge(), x.currency()), x.currency()))
                .toList();
    }

    private static String country(String code) {
        if (code == null || code.isEmpty()) {
            return "Unknown";
        }
        var name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }

    private static Map<String, Object> series(String label, List<String> data, String axis) {
        var out = new LinkedHashMap<String, Object>();
        out.put("label", label);
        out.put("data", data.stream().map(BigDecimal::new).toList());
        out.put("axis", axis);
        return out;
    }

    private String chart(String kind, List<String> labels, List<Map<String, Object>> series) {
        try {
            return json.writeValueAsString(Map.of("kind", kind, "labels", labels, "series", series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- call lookup

    public Pages.CallLookup callLookup(Pages.Frame frame, AccountId caller, String accountParam, String callLogId) {
        var account = target(caller, accountParam);
        var options = accountOptions(caller, account);
        var id = callLogId == null ? "" : callLogId.strip();
        if (id.isEmpty()) {
            return new Pages.CallLookup(frame, options, "", null, List.of(), List.of());
        }
        if (id.length() > 128) {
            throw invalid("call_log_id", "must be at most 128 characters.");
        }
        var ratings = s.calls().callRatings(account.id(), id).orElseThrow(() -> new NotFound(
                ErrorCode.RESOURCE_NOT_FOUND, "Call log does not exist in " + account.profile().name() + ": " + id + ".",
                Map.of("id", id)));
        var c = ratings.getFirst();
        return new Pages.CallLookup(frame, options, id, null, CallFacts.fields(c, ratings.size()),
                CallFacts.explanation(c, json));
    }

    // ---- sub accounts

    public Pages.SubAccounts subAccounts(Pages.Frame frame, AccountId caller) {
        s.access().requireMaster(caller);
        var renewals = new HashMap<AccountId, PlanReports.Renewal>();
        s.planReports().renewals(caller, 366).forEach(r -> renewals.put(r.account(), r));
        var out = new ArrayList<Pages.SubAccount>();
        for (var a : scope(caller)) {
            if (a.id().equals(caller)) {
                continue;
            }
            var today = Calendars.today(clock, a.profile().timeZone());
            var plans = s.plans().plans(a.id()).stream().map(p -> new Pages.Plan(
                    s.catalog().find(p.type()).map(PlanType::name).orElse(p.type()),
                    Integer.toString(PlanReports.billedQuantity(p.hosts())),
                    p.cycle().wire(), p.statusOn(today).wire(),
                    p.activeOn(today) ? p.nextInvoiceDate(today).toString() : "")).toList();
            var renewal = renewals.get(a.id());
            out.add(new Pages.SubAccount(a.id().wire(), Long.toString(a.number()), a.profile().name(),
                    a.options().payMode().wire(), plans, renewal == null ? "" : renewal.nextRenewalDate().toString(),
                    renewal == null ? "" : money(renewal.total().amount(), renewal.total().currency().getCurrencyCode())
                            + " " + renewal.total().currency().getCurrencyCode()));
        }
        return new Pages.SubAccounts(frame, out);
    }

    // ---- invoices

    public Pages.Invoices invoices(Pages.Frame frame, AccountId caller) {
        var rows = new ArrayList<Invoice>();
        var names = new HashMap<AccountId, String>();
        for (var a : scope(caller)) {
            if (!billable(caller, a.id())) {
                continue;
            }
            names.put(a.id(), a.profile().name());
            rows.addAll(s.invoices().list(a.id(), null));
        }
        rows.sort(Comparator.comparing((Invoice i) -> i.period().start()).reversed()
                .thenComparing(i -> names.get(i.accountId())));
        return new Pages.Invoices(frame, rows.stream().map(i -> new Pages.InvoiceRow(names.get(i.accountId()),
                i.number() == null ? "(draft)" : i.number(), i.period().start() + " to " + i.period().end(),
                i.status().wire(), money(i.total().amount(), i.currency().getCurrencyCode()),
                money(i.paid().amount(), i.currency().getCurrencyCode()),
                money(i.balance().amount(), i.currency().getCurrencyCode()), i.currency().getCurrencyCode(),
                i.dueDate() == null ? "" : i.dueDate().toString(),
                "/dashboard/invoices/" + i.invoiceId() + "/pdf")).toList());
    }

    /** True when the caller manages the account's billing (itself, or a sub account it pays for), as the API does. */
    private boolean billable(AccountId caller, AccountId account) {
        try {
            s.access().resolveForBilling(caller, account.wire(), "self pay");
            return true;
        } catch (BillingException e) {
            return false;
        }
    }

    public Pdf invoicePdf(AccountId caller, String invoiceId) {
        var owner = s.invoices().holders(caller, invoiceId).stream().filter(a -> billable(caller, a)).findFirst()
                .orElseThrow(() -> new NotFound(ErrorCode.RESOURCE_NOT_FOUND, "Invoice does not exist: " + invoiceId + ".",
                        Map.of("id", invoiceId)));
        return new Pdf(invoiceId, s.documents().pdf(owner, invoiceId));
    }

    // ---- rate decks

    public Pages.Rates rates(Pages.Frame frame, AccountId caller, String accountParam, String numberParam) {
        var account = target(caller, accountParam);
        var options = accountOptions(caller, account);
        var list = s.priceLists().priceListFor(account.id());
        var number = numberParam == null ? "" : numberParam.strip().replace(" ", "").replace("+", "");
        if (!number.isEmpty() && !NUMBER.matcher(number).matches()) {
            throw invalid("number", "must be 1 to 15 digits of a number or prefix (a leading + and spaces are fine).");
        }
        if (list.isEmpty()) {
            return new Pages.Rates(frame, options, number, "No rate deck is assigned to " + account.profile().name() + ".",
                    "", List.of(), List.of(), false);
        }
        var deck = list.get().calls();
        var info = deck.info();
        var today = Calendars.today(clock, account.profile().timeZone());
        var applies = new ArrayList<Pages.RateRow>();
        if (!number.isEmpty()) {
            for (var type : CallType.values()) {
                var rate = deck.find(type, number, today);
                if (rate != null) {
                    applies.add(CallFacts.row(rate));
                }
            }
        }
        final var prefix = number;
        var matching = deck.rates().stream().filter(r -> r.destination().prefix().startsWith(prefix)).limit(RATE_ROWS + 1)
                .map(CallFacts::row).toList();
        return new Pages.Rates(frame, options, number, null, info.name() + " (version " + info.version() + ", "
                + info.currency().getCurrencyCode() + ")", applies, matching.subList(0, Math.min(RATE_ROWS, matching.size())),
                matching.size() > RATE_ROWS);
    }

    // ---- formatting

    private static RollupTotals.Period plus(RollupTotals.Period a, RollupTotals.Period b) {
        return new RollupTotals.Period(a.accountId(), a.period(), a.currency(), a.calls() + b.calls(),
                a.billedSeconds() + b.billedSeconds(), a.messages() + b.messages(), a.segments() + b.segments(),
                a.charge().add(b.charge()));
    }

    private static BigDecimal charge(RollupTotals.Period p) {
        return p == null ? BigDecimal.ZERO : p.charge();
    }

    /** An amount rounded half-up to the currency's minor unit, plain. */
    static String money(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    static String minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return now.signum() == 0 ? "—" : "new";
        }
        var pct = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 0, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }
}
