package com.chargeline.invoicing;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountRepository;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
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
        var invoiceId = insert(repo, account, issuer, period, zone, currency, lines, actor)
                .orElseThrow(() -> exists(repo, account, period));
        return Invoices.reload(repo, account, invoiceId);
    }

    /**
     * The invoice run's path, for an account and issuer the caller has read together: writes the Draft, its items (one
     * batch) and its audit entry with {@code repo} (attached once per transaction: attaching costs as much as a
     * statement); empty when the account has an invoice for the period already.
     */
    Optional<String> insert(InvoiceRepository repo, AccountId account, AccountId issuer, InvoicePeriod period, ZoneId zone,
                            Currency currency, List<InvoiceItem.Line> lines, String actor) {
        checkLines(currency, lines);
        var items = new ArrayList<InvoiceRepository.ItemParams>(lines.size());
        var subtotal = Money.zero(currency).withScale(minorUnit(currency));
        var tax = subtotal;
        for (var line : lines) {
            var item = line.numbered(items.size() + 1);
            items.add(InvoiceRepository.ItemParams.of(item));
            if (item.kind() == InvoiceItem.Kind.TAX) {
                tax = tax.plus(item.amount());
            } else {
                subtotal = subtotal.plus(item.amount());
            }
        }
        var invoiceId = UUID.randomUUID().toString().replace("-", "");
        var now = clock.instant();
        var total = subtotal.plus(tax);
        if (repo.insertInvoice(account.value(), invoiceId, issuer.value(), period.start(), period.end(), zone.getId(),
                currency.getCurrencyCode(), subtotal.amount(), tax.amount(), total.amount(), now).isEmpty()) {
            return Optional.empty();
        }
        repo.insertItems(account.value(), invoiceId, items);
        repo.insertAudit(account.value(), invoiceId, now, actor, "draft", null, InvoiceStatus.DRAFT.wire(),
                items.size() + " lines, total " + Invoices.show(total));
        return Optional.of(invoiceId);
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
