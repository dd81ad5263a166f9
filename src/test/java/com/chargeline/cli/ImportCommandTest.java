package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        var cl = ChargelineCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void imports_asterisk_master_csv_rated_on_billsec_and_keeps_unanswered_rows() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Asterisk Shop");
            var w = server.app.wiring();
            var deck = w.rateDecks.create(master.account().id(), "Std", "USD", 4);
            w.rateDecks.importRates(master.account().id(), deck.deckId(), new StringReader("""
                    prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to
                    1,United States,local,0.05,0,30,6,0,per_min,USD,,
                    """));
            w.rateDecks.assign(master.account().id(), master.account().id(), deck.deckId());
            var file = dir.resolve("Master.csv");
            Files.writeString(file, """
                    "acct","1001","+12125550123","from-internal","""
                    + "\"\"\"Ada\"\" <1001>\",\"PJSIP/1001-1\",\"PJSIP/trunk-2\",\"Dial\",\"PJSIP/trunk\",\"2026-11-20 10:00:00\","
                    + "\"2026-11-20 10:00:05\",\"2026-11-20 10:00:50\",50,45,\"ANSWERED\",\"DOCUMENTATION\",\"1700000000.1\",\"\"\n"
                    + "\"acct\",\"1002\",\"+12125550199\",\"from-internal\",\"\",\"PJSIP/1002-1\",\"\",\"Dial\",\"\",\"2026-11-20 11:00:00\","
                    + "\"\",\"2026-11-20 11:00:20\",20,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1700000000.2\",\"\"\n");
            var args = new String[] {"import", "calls", file.toString(), "--account", master.id(), "--format", "asterisk",
                "--db-url", server.dbUrl, "--db-user", "postgres"};

            assertThat(run(args)).isZero();
            assertThat(run(args)).as("a re-run imports nothing twice").isZero();

            var rows = w.db.withHandle(h -> h.createQuery("SELECT call_log_id || ':' || result || ':' || duration_seconds || ':' "
                    + "|| total_charge FROM rated_call ORDER BY call_log_id").mapTo(String.class).list());
            assertThat(rows).containsExactly("1700000000.1:answered:45:0.0400000000", "1700000000.2:missed:0:0.0000000000");
        }
    }

    @Test
    void a_bad_row_imports_nothing_and_names_the_line() throws Exception {
        var file = dir.resolve("calls.csv");
        Files.writeString(file, "call_log_id,direction,caller_number,callee_number,end_time\n"
                + "a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z\nb,outbound,+14155550100,+12125550123,yesterday\n");
        try (var server = new TestServer()) {
            var master = server.master("Bad File");
            var err = new StringWriter();
            var cl = ChargelineCommand.commandLine();
            cl.setErr(new PrintWriter(err));
            var original = System.err;
            var captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured));
            try {
                assertThat(cl.execute("import", "calls", file.toString(), "--account", master.id(), "--db-url", server.dbUrl,
                        "--db-user", "postgres")).isEqualTo(1);
            } finally {
                System.setErr(original);
            }
            var output = captured.toString() + err;
            assertThat(output).contains("line 3: end_time: 'yesterday' is not an ISO-8601 date-time");
            long keys = server.app.wiring().db.withHandle(h -> h.createQuery("SELECT count(*) FROM call_key")
                    .mapTo(Long.class).one());
            assertThat(keys).isZero();
        }
    }
}
