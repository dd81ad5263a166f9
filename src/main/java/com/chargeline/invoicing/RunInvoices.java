package com.chargeline.invoicing;

import com.chargeline.accounts.Regions;
import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.common.money.Currencies;
import com.chargeline.common.money.Money;
import com.chargeline.common.time.Zones;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invoice run of a month: a Draft for every account with something to bill whose month (a calendar month in the
 * account's own time zone) has closed. Its lines: the plans in advance ({@link PlanCharges}), the month's usage in
 * arrears ({@link UsageCharges}), adjustments for usage of earlier invoiced months that arrived late or was re-rated
 * ({@link UsageAdjustments}), and the taxes of the payer's bill-to address ({@link TaxRates}) on the subtotal.
 * A master-paid sub account's invoice is issued by its master and its lines are {@code Billed on master}.
 *
 * <p>Idempotent: an account invoiced for the month (void invoices aside) is not a candidate again, and the Draft is
 * written with {@code ON CONFLICT DO NOTHING} on (account, period), so a second run, or two processes running at
 * once, issue nothing new. Accounts are read in chunks (a few statements per chunk, not per account) and Drafts
 * written a hundred to a transaction; an account that cannot be billed is refused with its reason and does not stop
 * the others. Each run logs one line (month, accounts, Drafts written, refused, duration) and is metered as the
 * operation {@code invoice_run} ({@link Metrics#start}).
 */
public final class RunInvoices {
    private static final Logger LOG = LoggerFactory.getLogger(RunInvoices.class);
    private static final int CHUNK = 500;
    private static final int WRITE_BATCH = 100;
    private final Database db;
    private final Clock clock;
    private final DraftInvoice draft;
    private final PlanCharges plans;
    private final TaxRates taxes;
    private final Metrics metrics;

    public RunInvoices(Database db, Clock clock, DraftInvoice draft, com.chargeline.catalog.PlanCatalog catalog,
                       TaxRates taxes, Metrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.clock = clock;
        this.draft = draft;
        this.plans = new PlanCharges(catalog);
        this.taxes = taxes;
    }

    /** What a run did. {@code notClosed}: accounts whose month has not ended yet in their zone. */
    public record Result(YearMonth month, List<Drafted> drafted, int alreadyInvoiced, int nothingToBill, int notClosed,
                         Map<AccountId, String> refused) {
    }

    /** A Draft the run wrote. */
    public record Drafted(AccountId accountId, String invoiceId) {
    }

    /**
     * Runs {@code month} for every account, or for {@code only} (null for all), holding the invoicing claim that every
     * run and the automatic invoicing of every process share ({@link InvoiceSchedule#exclusively}): runs never overlap,
     * so two runs of adjacent months cannot both charge the month they share.
     */
    public Result run(YearMonth month, AccountId only, String actor) {
        return InvoiceSchedule.exclusively(db, () -> runClaimed(month, only, actor));
    }

    /** {@link #run} for a caller that holds the claim. */
    Result runClaimed(YearMonth month, AccountId only, String actor) {
        var running = metrics.start("invoice_run");
        var drafted = new ArrayList<Drafted>();
        var refused = new HashMap<AccountId, String>();
        int[] counts = new int[3];
        int candidateCount = 0;
        try {
            var candidates = db.withRepository(InvoiceRunRepository.class, r -> r.candidates(month.atDay(1),
                    PlanCharges.lookBack(month), PlanCharges.horizon(month), only == null ? null : only.value()));
            candidateCount = candidates.size();
            for (int from = 0; from < candidates.size(); from += CHUNK) {
                var chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK)).toArray(UUID[]::new);
                int before = drafted.size();
                runChunk(month, chunk, actor, drafted, refused, counts);
                running.progress("accounts", chunk.length);
                running.progress("invoices", drafted.size() - before);
            }
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("month", month).addKeyValue("actor", actor)
                    .addKeyValue("accounts", candidateCount).addKeyValue("drafted", drafted.size())
                    .addKeyValue("duration_ms", running.finish(false)).addKeyValue("error", e.getMessage())
                    .log("invoice run failed");
            throw e;
        }
        var result = new Result(month, List.copyOf(drafted), counts[0], counts[1], counts[2], Map.copyOf(refused));
        LOG.atInfo().addKeyValue("month", month).addKeyValue("actor", actor)
                .addKeyValue("account_id", only == null ? "all" : only.wire()).addKeyValue("accounts", candidateCount)
                .addKeyValue("drafted", drafted.size()).addKeyValue("already_invoiced", counts[0])
                .addKeyValue("nothing_to_bill", counts[1]).addKeyValue("not_closed", counts[2])
                .addKeyValue("refused", refused.size()).addKeyValue("duration_ms", running.finish(true))
                .log("invoice run");
        return result;
    }

    private void runChunk(YearMonth month, UUID[] ids, String actor, List<Drafted> drafted,
                          Map<AccountId, String> refused, int[] counts) {
        var facts = db.withRepository(InvoiceRunRepository.class, r -> ChunkFacts.read(r, ids, month));
        var now = clock.instant();
        var pending = new ArrayList<Pending>();
        for (var account : facts.accounts()) {
            var id = new AccountId(account.accountId());
            try {
                var zone = Zones.stored(account.timeZone());
                var period = new BillingMonth(month, zone);
                if (now.isBefore(period.end())) {
                    counts[2]++;
                    continue;
                }
                var currency = Currencies.parse(account.currency()).orElseThrow(() -> new PlanCharges.NotBillable(
                        "its currency " + account.currency() + " is not one Chargeline bills in"));
                var lines = lines(month, account, currency, facts);
                if (lines.isEmpty()) {
                    counts[1]++;
                } else {
                    pending.add(new Pending(id, new AccountId(account.payerId()), period, currency, lines));
                }
            } catch (PlanCharges.NotBillable e) {
                refused.put(id, "Account " + id.wire() + " cannot be invoiced for " + month + ": " + e.getMessage() + ".");
            } catch (RuntimeException e) {
                // a stored value the run cannot read (a retired plan type, a bad zone): this account is left out,
                // with the reason, and the others are invoiced
                refused.put(id, "Account " + id.wire() + " could not be invoiced for " + month + ": " + e.getMessage());
            }
        }
        for (int from = 0; from < pending.size(); from += WRITE_BATCH) {
            write(pending.subList(from, Math.min(pending.size(), from + WRITE_BATCH)), actor, drafted, refused, counts);
        }
    }

    /** A Draft to write. */
    private record Pending(AccountId account, AccountId issuer, BillingMonth period, Currency currency,
                           List<InvoiceItem.Line> lines) {
        DraftInvoice.NewDraft draft() {
            return new DraftInvoice.NewDraft(account, issuer, period.period(), period.zone(), currency, lines);
        }
    }

    /**
     * Writes Drafts {@value #WRITE_BATCH} to a transaction (a commit waits for the disk, so one per account would
     * dominate the run); when a batch fails, its accounts are written one per transaction, so only the account that
     * fails is left out, with the reason.
     */
    private void write(List<Pending> batch, String actor, List<Drafted> drafted, Map<AccountId, String> refused,
                       int[] counts) {
        try {
            var written = db.inTransaction(h -> draft.insertAll(h, batch.stream().map(Pending::draft).toList(), actor));
            for (int i = 0; i < batch.size(); i++) {
                record(batch.get(i), written.get(i), drafted, counts);
            }
        } catch (RuntimeException batchFailed) {
            for (var p : batch) {
                try {
                    record(p, db.inTransaction(h -> draft.insertAll(h, List.of(p.draft()), actor)).getFirst(), drafted,
                            counts);
                } catch (RuntimeException e) {
                    refused.put(p.account(), "Account " + p.account().wire() + " could not be invoiced for "
                            + p.period().month() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void record(Pending p, Optional<String> invoiceId, List<Drafted> drafted, int[] counts) {
        if (invoiceId.isPresent()) {
            drafted.add(new Drafted(p.account(), invoiceId.get()));
        } else {
            counts[0]++;
        }
    }

    private List<InvoiceItem.Line> lines(YearMonth month, InvoiceRunRepository.AccountFacts account, Currency currency,
                                         ChunkFacts facts) {
        var key = account.accountId();
        var chargeType = account.payerId().equals(key) ? "" : InvoiceItem.BILLED_ON_MASTER;
        var first = month.atDay(1);
        var last = month.atEndOfMonth();
        var lines = new ArrayList<InvoiceItem.Line>(plans.lines(month, facts.subscriptions(key),
                facts.discount(account.masterAccountId()), facts.charged(key), currency, chargeType));
        for (var usage : UsageAdjustments.lines(facts.usageChanges(key), month, chargeType)) {
            checkCurrency(usage.amount(), currency, YearMonth.from(usage.startDate()).toString());
            lines.add(usage);
        }
        if (lines.isEmpty()) {
            return lines;
        }
        var subtotal = lines.stream().map(l -> l.amount().roundedToMinorUnit()).reduce(Money::plus).orElseThrow();
        for (var tax : taxesOf(account)) {
            lines.add(new InvoiceItem.Line(InvoiceItem.Kind.TAX, tax.name() + " " + tax.ratePercent().stripTrailingZeros()
                    .toPlainString() + "%", BigDecimal.ONE, null, tax.on(subtotal), first, last, chargeType, null));
        }
        return lines;
    }

    private static void checkCurrency(Money amount, Currency currency, String month) {
        if (!amount.currency().equals(currency)) {
            throw new PlanCharges.NotBillable("its usage of " + month + " is rated in " + amount.currency()
                    + " and it is billed in " + currency);
        }
    }

    /** The taxes of the payer's bill-to address (its billing contact; the account's country without one). */
    private List<TaxRates.Tax> taxesOf(InvoiceRunRepository.AccountFacts account) {
        var country = Regions.country(account.billToCountry()).orElse(account.payerCountry().strip());
        var state = Regions.state(country, account.billToState()).orElse("");
        return CountryCode.parse(country).map(c -> taxes.forAddress(c, state)).orElse(List.of());
    }

    /** Everything the run reads for a chunk of accounts, by account. */
    private record ChunkFacts(List<InvoiceRunRepository.AccountFacts> accounts,
                              Map<UUID, List<InvoiceRunRepository.SubscriptionFacts>> subscriptionsByAccount,
                              Map<UUID, BigDecimal> discounts,
                              Map<UUID, Map<UUID, List<InvoiceRunRepository.Charged>>> chargedByAccount,
                              Map<UUID, List<InvoiceRunRepository.UsageChange>> changesByAccount) {
        static ChunkFacts read(InvoiceRunRepository r, UUID[] ids, YearMonth month) {
            var earliest = PlanCharges.earliest(month);
            return new ChunkFacts(r.accounts(ids),
                    r.subscriptions(ids, earliest, PlanCharges.horizon(month)).stream().collect(Collectors.groupingBy(
                            InvoiceRunRepository.SubscriptionFacts::accountId)),
                    r.discounts(ids).stream().collect(Collectors.toMap(InvoiceRunRepository.Discount::masterAccountId,
                            InvoiceRunRepository.Discount::percent)),
                    r.charged(ids, earliest).stream().collect(Collectors.groupingBy(InvoiceRunRepository.Charged::accountId,
                            Collectors.groupingBy(InvoiceRunRepository.Charged::subscriptionId))),
                    r.usageChanges(ids, month.atDay(1)).stream().collect(Collectors.groupingBy(
                            InvoiceRunRepository.UsageChange::accountId)));
        }

        List<InvoiceRunRepository.SubscriptionFacts> subscriptions(UUID account) {
            return subscriptionsByAccount.getOrDefault(account, List.of());
        }

        BigDecimal discount(UUID master) {
            return master == null ? BigDecimal.ZERO : discounts.getOrDefault(master, BigDecimal.ZERO);
        }

        Map<UUID, List<InvoiceRunRepository.Charged>> charged(UUID account) {
            return chargedByAccount.getOrDefault(account, Map.of());
        }

        List<InvoiceRunRepository.UsageChange> usageChanges(UUID account) {
            return changesByAccount.getOrDefault(account, List.of());
        }
    }
}
