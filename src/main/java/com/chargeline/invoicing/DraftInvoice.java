package com.chargeline.invoicing;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountRepository;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
import com.chargeline.storage.BulkCopy;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Creates a Draft invoice with its lines, in one transaction: each line's amount rounded to the currency's minor unit
 * (half-up), the subtotal the sum of the rounded non-tax lines, the tax the sum of the rounded tax lines, the total
 * their sum. One invoice per account and period: a second is refused (409, code 2100). The invoice run calls this.
 */
public final class DraftInvoice {
    private final Database db;
    private final Clock clock;

    public DraftInvoice(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A Draft of {@code account} for {@code period} (inclusive days of {@code zone}), issued by {@code issuer}: the
     * account itself, or its master when the master pays for it. {@code actor} is audited as its creator.
     */
    public Invoice draft(AccountId account, AccountId issuer, InvoicePeriod period, ZoneId zone, Currency currency,
                         List<InvoiceItem.Line> lines, String actor) {
        checkLines(currency, lines);
        return db.inTransaction(h -> draft(h, account, issuer, period, zone, currency, lines, actor));
    }

    /** {@link #draft(AccountId, AccountId, InvoicePeriod, ZoneId, Currency, List, String)} in the caller's transaction. */
    public Invoice draft(Handle h, AccountId account, AccountId issuer, InvoicePeriod period, ZoneId zone,
                         Currency currency, List<InvoiceItem.Line> lines, String actor) {
        checkLines(currency, lines);
        var stored = h.attach(AccountRepository.class).findById(account.value())
                .orElseThrow(() -> AccountAccess.notFound(account.wire()));
        if (!issuer.equals(account) && !stored.belongsTo(issuer)) {
            throw new IllegalArgumentException("an invoice is issued by its account or the account's master: " + issuer);
        }
        var repo = h.attach(InvoiceRepository.class);
        var invoiceId = insertAll(h, List.of(new NewDraft(account, issuer, period, zone, currency, lines)), actor).getFirst()
                .orElseThrow(() -> exists(repo, account, period));
        return Invoices.reload(repo, account, invoiceId);
    }

    /** A Draft to write: its account, its issuer (the account or the master paying for it), period and lines. */
    record NewDraft(AccountId account, AccountId issuer, InvoicePeriod period, ZoneId zone, Currency currency,
                    List<InvoiceItem.Line> lines) {
    }

    /**
     * Writes Drafts in the caller's transaction, for accounts and issuers the caller has read together (the invoice
     * run): the invoices in one statement ({@code ON CONFLICT DO NOTHING} on account and period), then the items and
     * audit entries of those written in one COPY each, so a run's cost is a few statements per hundred invoices, not
     * per line. For each draft, its new invoice id, or empty when the account has an invoice for the period already.
     */
    List<Optional<String>> insertAll(Handle h, List<NewDraft> drafts, String actor) {
        var prepared = new ArrayList<Prepared>(drafts.size());
        for (var d : drafts) {
            checkLines(d.currency(), d.lines());
            prepared.add(Prepared.of(d));
        }
        var now = clock.instant();
        int n = prepared.size();
        var accounts = new UUID[n];
        var ids = new String[n];
        var issuers = new UUID[n];
        var starts = new String[n];
        var ends = new String[n];
        var zones = new String[n];
        var currencies = new String[n];
        var subtotals = new String[n];
        var taxes = new String[n];
        var totals = new String[n];
        for (int i = 0; i < n; i++) {
            var p = prepared.get(i);
            var d = p.draft();
            accounts[i] = d.account().value();
            ids[i] = p.invoiceId();
            issuers[i] = d.issuer().value();
            starts[i] = d.period().start().toString();
            ends[i] = d.period().end().toString();
            zones[i] = d.zone().getId();
            currencies[i] = d.currency().getCurrencyCode();
            subtotals[i] = p.subtotal().amount().toPlainString();
            taxes[i] = p.tax().amount().toPlainString();
            totals[i] = p.total().amount().toPlainString();
        }
        var written = java.util.Set.copyOf(h.attach(InvoiceRepository.class).insertDrafts(accounts, ids, issuers, starts, ends,
                zones, currencies, subtotals, taxes, totals, now));
        try (var items = BulkCopy.into("invoice_item", ITEM_COLUMNS).open(h)) {
            for (var p : prepared) {
                if (written.contains(p.invoiceId())) {
                    p.items().forEach(item -> items.row(itemRow(p, item)));
                }
            }
            items.end(h);
        }
        try (var audit = BulkCopy.into("invoice_audit", AUDIT_COLUMNS).open(h)) {
            for (var p : prepared) {
                if (written.contains(p.invoiceId())) {
                    audit.row(p.draft().account().value(), p.invoiceId(), 1, now, actor, "draft", null,
                            InvoiceStatus.DRAFT.wire(), p.items().size() + " lines, total " + Invoices.show(p.total()));
                }
            }
            audit.end(h);
        }
        return prepared.stream().map(p -> written.contains(p.invoiceId()) ? Optional.of(p.invoiceId())
                : Optional.<String>empty()).toList();
    }

    private static final String ITEM_COLUMNS = "account_id, invoice_id, line_no, kind, description, quantity, unit_price, "
            + "amount, start_date, end_date, charge_type, corrects_period, usage_kind, direction, usage_type, country, "
            + "records, billed_seconds, segments, subscription_id, plan_type";
    private static final String AUDIT_COLUMNS = "account_id, invoice_id, audit_no, at, actor, action, from_status, "
            + "to_status, detail";

    private static Object[] itemRow(Prepared p, InvoiceItem item) {
        var u = item.usage();
        var plan = item.plan();
        return new Object[] {p.draft().account().value(), p.invoiceId(), item.lineNo(), item.kind().wire(),
            item.description(), item.quantity().toPlainString(),
            item.unitPrice() == null ? null : item.unitPrice().amount().toPlainString(),
            item.amount().amount().toPlainString(), item.startDate(), item.endDate(), item.chargeType(),
            item.correctsPeriod(), u == null ? null : u.kind().wire(),
            u == null ? null : u.direction(), u == null ? null : u.type(), u == null ? null : u.country(),
            u == null ? null : u.records(), u == null ? null : u.billedSeconds(), u == null ? null : u.segments(),
            plan == null ? null : plan.subscriptionId(), plan == null ? null : plan.planType()};
    }

    /** A Draft with its lines numbered and rounded, its amounts summed and its id chosen. */
    private record Prepared(NewDraft draft, String invoiceId, List<InvoiceItem> items, Money subtotal, Money tax,
                            Money total) {
        static Prepared of(NewDraft d) {
            var items = new ArrayList<InvoiceItem>(d.lines().size());
            var subtotal = Money.zero(d.currency()).withScale(minorUnit(d.currency()));
            var tax = subtotal;
            for (var line : d.lines()) {
                var item = line.numbered(items.size() + 1);
                items.add(item);
                if (item.kind() == InvoiceItem.Kind.TAX) {
                    tax = tax.plus(item.amount());
                } else {
                    subtotal = subtotal.plus(item.amount());
                }
            }
            return new Prepared(d, UUID.randomUUID().toString().replace("-", ""), List.copyOf(items), subtotal, tax,
                    subtotal.plus(tax));
        }
    }

    private static void checkLines(Currency currency, List<InvoiceItem.Line> lines) {
        if (Currencies.parse(currency.getCurrencyCode()).isEmpty()) {
            throw new IllegalArgumentException("not a currency Chargeline bills in: " + currency);
        }
        for (var line : lines) {
            if (!line.amount().currency().equals(currency)
                    || line.unitPrice() != null && !line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("a line of another currency on a " + currency + " invoice: " + line);
            }
        }
    }

    static int minorUnit(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private static Conflict exists(InvoiceRepository repo, AccountId account, InvoicePeriod period) {
        var existing = repo.invoiceForPeriod(account.value(), period.start()).orElse("");
        return new Conflict(ErrorCode.INVOICE_EXISTS, "Account " + account.wire() + " has an invoice for the period starting "
                + period.start() + " already: " + existing + ".", Map.of("id", existing));
    }
}
