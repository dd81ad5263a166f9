package com.chargeline.bench;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.CreateAccount;
import com.chargeline.accounts.NewAccount;
import com.chargeline.storage.Storage;
import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.DeckCsv;
import com.chargeline.usage.rating.CreateRateDeck;
import com.chargeline.usage.rating.ImportRates;
import com.chargeline.usage.rating.PriceLists;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loading a 100k-prefix rate deck version from PostgreSQL into a compiled, lookup-ready deck
 * (budget ≤ 1 s). Baseline in the same run: reading the same 100k rows over JDBC without building
 * anything. Also times the CSV import of the deck. Run with bench/deck-load.sh.
 */
public final class DeckLoadBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        var dir = Files.createTempDirectory("chargeline-deck-bench");
        try {
            run(dir, runs);
        } finally {
            com.chargeline.testing.TempDirs.delete(dir);
        }
    }

    private static void run(java.nio.file.Path dir, int runs) throws Exception {
        try (var storage = Storage.open(new Storage.Target(dir, null, null, null, Map.of()), null)) {
            var db = storage.database();
            var clock = Clock.systemUTC();
            var master = new CreateAccount(db, clock).createMaster(new NewAccount(new Account.Owner(null,
                    "bench@deck.example", "Bench", "Mark"), "Bench-Mark-2026", "Deck Bench", AccountOptions.defaults(), "US",
                    NewAccount.Extras.none()));
            var deck = BenchData.deck(BenchData.numbers(200_000, 21), 100_000, 22, List.of(CallType.INTERNATIONAL));
            var csv = new StringWriter();
            DeckCsv.writeRates(deck.rates(), "USD", csv);
            var row = new CreateRateDeck(db, clock).create(master.id(), "Bench 100k", "USD", 4);
            long t0 = System.nanoTime();
            int version = new ImportRates(db, clock).calls(master.id(), row.deckId(), new StringReader(csv.toString()));
            System.out.printf("CSV import of %d rates: %d ms%n", deck.size(), (System.nanoTime() - t0) / 1_000_000);

            var loads = new ArrayList<Long>();
            var raws = new ArrayList<Long>();
            for (int i = 0; i < runs; i++) {
                t0 = System.nanoTime();
                db.withHandle(h -> h.createQuery("SELECT row_no, prefix, destination, call_type, rate_per_min, per_call_fee, "
                                + "first_increment_s, next_increment_s, free_seconds, charge_mode, effective_from, effective_to "
                                + "FROM rate WHERE account_id = :a AND deck_id = :d AND version = :v ORDER BY row_no")
                        .bind("a", master.id().value()).bind("d", row.deckId()).bind("v", version)
                        .map((rs, ctx) -> rs.getString(2)).list().size());
                raws.add((System.nanoTime() - t0) / 1_000_000);
                t0 = System.nanoTime();
                var loaded = new PriceLists(db).load(row.deckId(), version);
                loads.add((System.nanoTime() - t0) / 1_000_000);
                if (loaded.calls().size() != deck.size()) {
                    throw new IllegalStateException("loaded " + loaded.calls().size() + " rates, expected " + deck.size());
                }
            }
            long load = median(loads);
            long raw = median(raws);
            System.out.println("deck load (query + compile), ms: " + loads);
            System.out.println("baseline raw JDBC read of the same rows, ms: " + raws);
            System.out.printf("median load %d ms, median raw read %d ms, ratio %.2fx; budget 1000 ms: %s%n", load, raw,
                    (double) load / Math.max(1, raw), load <= 1000 ? "PASS" : "FAIL");
        }
    }

    static long median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
