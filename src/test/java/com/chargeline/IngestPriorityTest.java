package com.chargeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.api.v1.IngestGate;
import com.chargeline.storage.Storage;
import com.chargeline.testing.ProcStat;
import com.chargeline.usage.ingest.CallRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on its embedded PostgreSQL runs ingest's transactions on backends at ingest's lower CPU priority
 * (nice 10 by default), read back from {@code /proc}, and every other backend at the server's own.
 */
class IngestPriorityTest {
    private static final String RATES = "prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,"
            + "next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to\n"
            + "1,United States,local,0.01,0,60,60,0,per_min,USD,,\n";

    @TempDir
    Path dataDir;

    @Test
    void an_ingest_transaction_runs_on_a_lowered_backend_and_reads_do_not() throws IOException {
        assumeThat(ProcStat.available()).as("a Linux /proc").isTrue();
        var config = new App.Config(new Storage.Target(dataDir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                1_048_576, Clock.systemUTC());
        try (var app = App.start(config)) {
            var w = app.wiring();
            var master = w.createAccount.createMaster(new NewAccount(new Account.Owner(null, "boss@nice.example",
                    "Nia", "Ce"), "Nice-Prio-2026!", "Nice Inc", AccountOptions.defaults(), "US",
                    NewAccount.Extras.none()));
            var deck = w.createRateDeck.create(master.id(), "Std", "USD", 4);
            w.importRates.calls(master.id(), deck.deckId(), new java.io.StringReader(RATES));
            w.assignRateDeck.assign(master.id(), master.id(), deck.deckId());
            var at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
            var result = w.ingestUsage.calls(master.id(), List.of(new CallRecord("nice-1",
                    new CallRecord.Parties("outbound", "+12125550100", "+12125550101", null),
                    new CallRecord.Timing(at, at, at.plusSeconds(60), 60L), new CallRecord.Outcome(null, null, false),
                    CallRecord.Attribution.NONE)));
            assertThat(result.accepted()).isEqualTo(1);

            List<Map<String, Object>> backends = w.db.withHandle(h -> h.createQuery("""
                    SELECT pid, application_name FROM pg_stat_activity
                    WHERE datname = current_database() AND backend_type = 'client backend'""").mapToMap().list());
            var postmaster = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip();
            long server = ProcStat.nice(Long.parseLong(postmaster));
            var bulk = backends.stream().filter(b -> "chargeline-bulk".equals(b.get("application_name"))).toList();
            assertThat(bulk).as("the ingest transaction's backend").isNotEmpty();
            for (var b : bulk) {
                assertThat(ProcStat.nice(((Number) b.get("pid")).longValue())).isEqualTo(IngestGate.Limit.DEFAULT_NICE);
            }
            var others = backends.stream().filter(b -> !"chargeline-bulk".equals(b.get("application_name"))).toList();
            assertThat(others).as("this query's own backend at least").isNotEmpty();
            for (var b : others) {
                assertThat(ProcStat.nice(((Number) b.get("pid")).longValue())).as("backend %s", b).isEqualTo(server);
            }
        }
    }
}
