package com.chargeline.invoicing;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic invoicing inside {@code serve}: each {@link #tick()} runs the months that have just closed (the month
 * before the current one, in every zone from UTC-12 to UTC+14, so an account is invoiced right after its own
 * midnight) and posts the Drafts whose review period is over. One run at a time: a tick takes a PostgreSQL advisory
 * lock shared by every process on the database and skips when another holds it; a CLI run ({@link RunInvoices#run})
 * waits for the same lock. A month that fails is logged and run again at the next tick; a Draft that cannot be posted
 * is logged and does not hold the others back.
 */
public final class InvoiceSchedule {
    /** The advisory lock key of the automatic invoicing ("CL-INVOI" in ASCII): a fixed name, not a hash. */
    static final long LOCK_KEY = 0x434c2d494e564f49L;
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceSchedule.class);
    /** Whether this thread holds the claim (a run inside the demo's seeding must not wait for itself). */
    private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();
    private final Database db;
    private final Clock clock;
    private final RunInvoices run;
    private final PostInvoice post;
    private final Duration review;

    public InvoiceSchedule(Database db, Clock clock, RunInvoices run, PostInvoice post, Duration review) {
        if (review.isNegative()) {
            throw new IllegalArgumentException("a review period is zero or more: " + review);
        }
        this.db = db;
        this.clock = clock;
        this.run = run;
        this.post = post;
        this.review = review;
    }

    /** What a tick did; {@code claimed} false when another process was invoicing. */
    public record Tick(boolean claimed, List<RunInvoices.Result> runs, int posted) {
    }

    public Tick tick() {
        return db.withHandle(h -> {
            var repo = h.attach(InvoiceScheduleRepository.class);
            return repo.tryClaim(LOCK_KEY) ? holding(repo, () -> runAndPost(repo)) : new Tick(false, List.of(), 0);
        });
    }

    /** The closed months' runs and the posting, under the claim. */
    private Tick runAndPost(InvoiceScheduleRepository repo) {
        var runs = new ArrayList<RunInvoices.Result>();
        for (var month : closedMonths(clock.instant())) {
            try {
                var result = run.runClaimed(month, null, "schedule");
                result.refused().values().forEach(reason -> LOG.warn("invoice run: {}", reason));
                runs.add(result);
            } catch (RuntimeException e) {
                // the database, say: the next tick runs the month again (a run is idempotent)
                LOG.error("invoice run of {} failed; the next tick runs it again", month, e);
            }
        }
        int posted = 0;
        for (var draft : repo.draftsToPost(clock.instant().minus(review))) {
            try {
                post.post(new AccountId(draft.accountId()), draft.invoiceId(), "schedule");
                posted++;
            } catch (RuntimeException e) {
                // one Draft that cannot be posted does not hold the others back
                LOG.error("posting invoice {} of account {} failed", draft.invoiceId(),
                        new AccountId(draft.accountId()).wire(), e);
            }
        }
        return new Tick(true, List.copyOf(runs), posted);
    }

    /**
     * Runs {@code work} holding the automatic invoicing's claim (waiting for it), so no tick of any process invoices
     * meanwhile: the demo seeds its usage and invoices its months this way, in order.
     */
    public static <T> T exclusively(Database db, java.util.function.Supplier<T> work) {
        if (Boolean.TRUE.equals(HELD.get())) {
            return work.get(); // this thread holds the claim already (the demo runs its months inside its seeding)
        }
        return db.withHandle(h -> {
            var repo = h.attach(InvoiceScheduleRepository.class);
            repo.claim(LOCK_KEY);
            return holding(repo, work);
        });
    }

    /** Runs {@code work} with the claim taken on {@code repo}'s session, and gives the claim back after it. */
    private static <T> T holding(InvoiceScheduleRepository repo, java.util.function.Supplier<T> work) {
        HELD.set(true);
        try {
            return work.get();
        } finally {
            HELD.remove();
            repo.release(LOCK_KEY);
        }
    }

    /** The months before the current one in the earliest and latest zones (one month, or two around a month's turn). */
    static List<YearMonth> closedMonths(Instant now) {
        var months = new TreeSet<YearMonth>();
        months.add(YearMonth.from(now.atOffset(ZoneOffset.ofHours(-12))).minusMonths(1));
        months.add(YearMonth.from(now.atOffset(ZoneOffset.ofHours(14))).minusMonths(1));
        return List.copyOf(months);
    }

    /** A Draft to post. */
    record DraftRef(UUID accountId, String invoiceId) {
    }
}
