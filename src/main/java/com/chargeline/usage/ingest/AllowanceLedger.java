package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallingPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Loads and stores included-minute usage (allowance_usage) for a batch, in its transaction. Batches
 * of one account that draw on limited plans are serialised by an advisory lock, so two batches can
 * never both spend the same last minutes.
 */
final class AllowanceLedger {
    private AllowanceLedger() {
    }

    /** Locks the account's allowances and loads the months' usage, unless every plan of the account is unlimited. */
    static void load(Handle h, UUID account, Collection<CallingPlan> plans, Set<LocalDate> months, Allowances allowances) {
        if (plans.stream().allMatch(CallingPlan::unlimited)) {
            return;
        }
        var repository = h.attach(AllowanceRepository.class);
        repository.lock(account);
        repository.used(account, months.stream().map(LocalDate::toString).toArray(String[]::new)).forEach(u -> allowances.load(u.key(), u.usedSeconds()));
    }

    /** Locks the account's allowances and forgets the months [from, until), which are about to be drawn again. */
    static void forget(Handle h, UUID account, LocalDate from, LocalDate until) {
        var repository = h.attach(AllowanceRepository.class);
        repository.lock(account);
        repository.forget(account, from, until);
    }

    /** Adds what the batch drew, holder by holder in one order (so concurrent batches lock rows alike). */
    static void store(Handle h, UUID account, Allowances allowances) {
        var drawn = new ArrayList<>(allowances.drawn().entrySet());
        if (drawn.isEmpty()) {
            return;
        }
        drawn.sort(Map.Entry.comparingByKey());
        var keys = drawn.stream().map(Map.Entry::getKey).toList();
        h.attach(AllowanceRepository.class).add(account, keys.stream().map(Allowances.Holder::planId).toList(),
                keys.stream().map(Allowances.Holder::holder).toList(),
                keys.stream().map(k -> LocalDate.parse(k.month())).toList(),
                drawn.stream().map(Map.Entry::getValue).toList());
    }
}
