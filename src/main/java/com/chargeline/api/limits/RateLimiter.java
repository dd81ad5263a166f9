package com.chargeline.api.limits;

import com.chargeline.api.auth.Admission;
import com.chargeline.api.auth.Caller;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit.Label;
import com.chargeline.api.limits.RateRules.Window;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Zoom's rate limits per account, held in PostgreSQL with Bucket4j (table {@code rate_limit_bucket}, a row per bucket
 * swapped only if unchanged since it was read, {@link PostgresBuckets}) so that every serve node on the database
 * counts against the same buckets. A request draws one token from up to three buckets of its account: the
 * operation's extra windows, its label's windows in its table and plan tier, and the daily quota its label shares
 * with others; when one is empty the tokens already drawn go back and the request is a 429. Time is the injected
 * clock's, so the 00:00 UTC reset of daily quotas can be tested.
 */
public final class RateLimiter implements Admission {
    private static final String PLAN_QUERY = "SELECT plan_type FROM subscription WHERE account_id = :account"
            + " AND plan_group = 'plan_base' AND status = 'active'";
    private final Database db;
    private final Clock clock;
    private final RateRules rules;
    private final ProxyManager<String> buckets;
    private final java.util.function.Consumer<Label> onRefused;

    public RateLimiter(Database db, Clock clock, RateRules rules) {
        this(db, clock, rules, label -> { });
    }

    /** {@code onRefused}: told the label of each request refused (the rate-limit rejections metric). */
    public RateLimiter(Database db, Clock clock, RateRules rules, java.util.function.Consumer<Label> onRefused) {
        this.onRefused = onRefused;
        this.db = db;
        this.clock = clock;
        this.rules = rules;
        this.buckets = new PostgresBuckets(db.asyncCommitDataSource(), new ClockMeter(clock));
    }

    /** What a request admitted: the label, and the limit and remaining count its headers report. */
    public record Admitted(Label label, long limit, long remaining) {
    }

    @Override
    public void admit(Context ctx, Caller caller, Operation operation) {
        var label = operation.rateLimit().label();
        ctx.header("X-RateLimit-Category", label.wire());
        try {
            var admitted = admit(caller.accountId(), operation, com.chargeline.api.auth.BearerAuth.basePlans(ctx));
            ctx.header("X-RateLimit-Limit", Long.toString(admitted.limit()));
            ctx.header("X-RateLimit-Remaining", Long.toString(admitted.remaining()));
        } catch (Refused refused) {
            ctx.header("X-RateLimit-Type", refused.limited.type());
            ctx.header("X-RateLimit-Limit", Long.toString(refused.window.requests()));
            ctx.header("X-RateLimit-Remaining", "0");
            ctx.header("Retry-After", refused.limited.retryAfter());
            onRefused.accept(label);
            throw refused.limited;
        }
    }

    /** Draws one request of {@code operation} for {@code account}, or throws {@link Refused}. */
    public Admitted admit(AccountId account, Operation operation) {
        return admit(account, operation, null);
    }

    /**
     * {@link #admit(AccountId, Operation)} with the account's active base plans already read on this request (the
     * bearer check reads them with the client, findActive.sql); null: read them here.
     */
    public Admitted admit(AccountId account, Operation operation, List<String> basePlans) {
        var limit = operation.rateLimit();
        var tier = rules.tier(basePlans != null ? basePlans : db.withHandle(h -> h.createQuery(PLAN_QUERY)
                .bind("account", account.value()).mapTo(String.class).list()));
        var tierRules = rules.rules(limit.table(), tier);
        var prefix = account.wire() + ":";
        var checks = new ArrayList<Check>();
        var extras = rules.extras(operation.id());
        if (!extras.isEmpty()) {
            checks.add(new Check(prefix + "op:" + operation.id(), extras));
        }
        var labelCheck = new Check(prefix + limit.table() + ":" + tier.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + limit.label().name().toLowerCase(java.util.Locale.ROOT), tierRules.labels().get(limit.label()));
        checks.add(labelCheck);
        var shared = tierRules.shared().filter(s -> s.labels().contains(limit.label()));
        Check sharedCheck = shared.map(s -> new Check(prefix + limit.table() + ":"
                + tier.name().toLowerCase(java.util.Locale.ROOT) + ":shared", List.of(s.window()))).orElse(null);
        if (sharedCheck != null) {
            checks.add(sharedCheck);
        }
        var draws = draw(checks);
        for (int c = 0; c < checks.size(); c++) {
            var draw = draws.get(c);
            if (!draw.probe().isConsumed()) {
                draws.stream().filter(d -> d.probe().isConsumed()).forEach(d -> d.bucket().addTokens(1));
                throw refused(checks.get(c).windows(), draw.available(), draw.probe());
            }
        }
        int labelIndex = extras.isEmpty() ? 0 : 1;
        long[] labelTokens = draws.get(labelIndex).available();
        long[] sharedTokens = sharedCheck == null ? null : draws.get(labelIndex + 1).available();
        // the daily quota where there is one (the label's own, else the shared one), else the label's first window
        var labelWindows = labelCheck.windows();
        for (int i = 0; i < labelWindows.size(); i++) {
            if (labelWindows.get(i).daily()) {
                return new Admitted(limit.label(), labelWindows.get(i).requests(), labelTokens[i]);
            }
        }
        if (sharedCheck != null) {
            return new Admitted(limit.label(), sharedCheck.windows().get(0).requests(), sharedTokens[0]);
        }
        return new Admitted(limit.label(), labelWindows.get(0).requests(), labelTokens[0]);
    }

    private record Check(String key, List<Window> windows) {
    }

    /** One token drawn (or not) from a check's bucket, and what each of its windows had left. */
    private record Draw(BucketProxy bucket, ConsumptionProbe probe, long[] available) {
    }

    /**
     * Draws one token from each check's bucket; two or three buckets (an operation's extras, a label's shared daily
     * quota) are drawn at once, each on its own connection and virtual thread, so a request waits for one bucket's
     * transaction rather than the sum of them. A refusal puts the others' tokens back ({@link #admit}), as when they
     * were drawn one after another and the first refusal stopped the rest.
     */
    private List<Draw> draw(List<Check> checks) {
        if (checks.size() == 1) {
            return List.of(draw(checks.get(0)));
        }
        try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = checks.stream().map(check -> parallel.submit(() -> draw(check))).toList();
            var draws = new ArrayList<Draw>(checks.size());
            for (var p : pending) {
                draws.add(p.get());
            }
            return draws;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking rate limits", e);
        }
    }

    private Draw draw(Check check) {
        var bucket = buckets.builder().withImplicitConfigurationReplacement(rules.version(), TokensInheritanceStrategy.AS_IS)
                .build(check.key(), () -> configuration(check.windows()));
        var result = bucket.asVerbose().tryConsumeAndReturnRemaining(1);
        return new Draw(bucket, result.getValue(), result.getDiagnostics().getAvailableTokensPerEachBandwidth());
    }

    private Refused refused(List<Window> windows, long[] available, ConsumptionProbe probe) {
        // the window that is empty; a daily quota before a per-second one when both are
        int blocked = -1;
        for (int i = 0; i < windows.size(); i++) {
            if (available[i] < 1 && (blocked < 0 || windows.get(i).daily())) {
                blocked = i;
            }
        }
        var window = windows.get(Math.max(blocked, 0));
        if (window.daily()) {
            return new Refused(window, new RateLimited(true, nextMidnight(clock.instant()).toString()));
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Refused(window, new RateLimited(false, Long.toString(seconds)));
    }

    private BucketConfiguration configuration(List<Window> windows) {
        var builder = BucketConfiguration.builder();
        var now = clock.instant();
        for (var w : windows) {
            builder.addLimit(w.daily()
                    ? Bandwidth.builder().capacity(w.requests())
                            .refillIntervallyAligned(w.requests(), Duration.ofDays(1), nextMidnight(now)).build()
                    : Bandwidth.builder().capacity(w.requests()).refillGreedy(w.requests(), w.per()).build());
        }
        return builder.build();
    }

    static Instant nextMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /** A refusal and the window that refused. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Window window;
        private final RateLimited limited;

        Refused(Window window, RateLimited limited) {
            super(limited.getMessage(), null, false, false);
            this.window = window;
            this.limited = limited;
        }

        public Window window() {
            return window;
        }

        public RateLimited limited() {
            return limited;
        }
    }

    /** Bucket4j's time from the injected clock (wall-clock based: the daily quotas align to 00:00 UTC). */
    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
