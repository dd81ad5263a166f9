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
            var deck = w.createRateDeck.create(master.account().id(), "Std", "USD", 4);
            w.importRates.calls(master.account().id(), deck.deckId(), new StringReader("""
                    prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to
                    1,United States,local,0.05,0,30,6,0,per_min,USD,,
                    """));
            w.assignRateDeck.assign(master.account().id(), master.account().id(), deck.deckId());
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
            var output = captured.toString(java.nio.charset.StandardCharsets.UTF_8) + err;
            assertThat(output).contains("line 3, column end_time: \"yesterday\" is not an ISO-8601 date-time");
            long keys = server.app.wiring().db.withHandle(h -> h.createQuery("SELECT count(*) FROM call_key")
                    .mapTo(Long.class).one());
            assertThat(keys).isZero();
        }
    }

    private static void assignDeck(TestServer server, TestServer.Tenant tenant) {
        var w = server.app.wiring();
        var deck = w.createRateDeck.create(tenant.account().id(), "Std", "USD", 4);
        w.importRates.calls(tenant.account().id(), deck.deckId(), new StringReader("""
                prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to
                1,United States,local,0.05,0,30,6,0,per_min,USD,,
                """));
        w.assignRateDeck.assign(tenant.account().id(), tenant.account().id(), deck.deckId());
    }

    private static long stored(TestServer server, String table) {
        return server.app.wiring().db.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static CliRun importFile(TestServer server, TestServer.Tenant tenant, Path file, String kind, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("import", kind, file.toString(), "--account", tenant.id(),
                "--db-url", server.dbUrl, "--db-user", "postgres"));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void asterisk_rows_without_a_uniqueid_get_distinct_ids_even_when_their_old_32_bit_hashes_collide() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Colliding Calls");
            assignDeck(server, master);
            var file = Files.writeString(dir.resolve("Master.csv"), """
                    "","1017","2126903306","from-internal","\""User 1017\"" <1017>","PJSIP/1017-002c3d99","PJSIP/trunk-002c3d9a","Dial","PJSIP/2126903306@trunk,60","2026-11-19 06:26:59","2026-11-19 06:27:05","2026-11-19 06:31:05",246,240,"ANSWERED","DOCUMENTATION"
                    "","1015","4155508053","from-internal","\""User 1015\"" <1015>","PJSIP/1015-00f3bf04","PJSIP/trunk-00f3bf05","Dial","PJSIP/4155508053@trunk,60","2026-11-18 01:26:25","2026-11-18 01:26:30","2026-11-18 01:36:30",605,600,"ANSWERED","DOCUMENTATION"
                    """);
            var result = importFile(server, master, file, "calls", "--format", "asterisk");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).contains("2 records, 2 accepted, 0 duplicates skipped");
            var rows = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT call_log_id || ':' || duration_seconds FROM rated_call ORDER BY duration_seconds").mapTo(String.class).list());
            assertThat(rows).hasSize(2).allMatch(r -> r.matches("ast-[0-9a-f]{64}:(240|600)"));
            assertThat(rows.get(0)).endsWith(":240");
            assertThat(rows.get(1)).endsWith(":600");
            assertThat(importFile(server, master, file, "calls", "--format", "asterisk").out())
                    .as("the id is stable, so a re-run skips both").contains("0 accepted, 2 duplicates skipped");
        }
    }

    @Test
    void asterisk_ids_are_the_uniqueid_with_the_sequence_when_the_file_has_it() throws Exception {
        var row = "\"\",\"1017\",\"2126903306\",\"from-internal\",\"\",\"PJSIP/1017-1\",\"\",\"Dial\",\"\",\"2026-11-19 06:26:59\","
                + "\"2026-11-19 06:27:05\",\"2026-11-19 06:31:05\",246,240,\"ANSWERED\",\"DOCUMENTATION\",\"1700000000.7\"";
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new StringReader(row + ",\"\",\"\",\"1700000000.1\",\"42\""))) {
            assertThat(UsageFiles.asteriskId(parser.getRecords().getFirst())).isEqualTo("1700000000.7#42");
        }
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new StringReader(row))) {
            assertThat(UsageFiles.asteriskId(parser.getRecords().getFirst())).isEqualTo("1700000000.7");
        }
    }

    private static String nativeCalls(int rows, java.util.function.IntFunction<String> name, java.util.function.IntFunction<String> id) {
        var csv = new StringBuilder("call_log_id,direction,caller_number,callee_number,end_time,calling_party_name\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(id.apply(i)).append(",outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,").append(name.apply(i)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void a_nul_byte_after_the_first_batch_imports_nothing_and_names_its_line_and_column() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Nul Byte");
            assignDeck(server, master);
            var file = Files.writeString(dir.resolve("calls.csv"), nativeCalls(10_001, i -> i == 10_001 ? "A\0da" : "Ada", i -> "c" + i));
            var result = importFile(server, master, file, "calls");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("line 10002, column calling_party_name: contains a NUL character");
            assertThat(result.reason()).startsWith("chargeline: 1 bad row(s) in ").endsWith("nothing imported");
            assertThat(stored(server, "call_key")).isZero();
        }
    }

    @Test
    void an_id_repeated_in_what_would_be_a_later_batch_is_refused_up_front_naming_both_lines() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Repeated Ids");
            assignDeck(server, master);
            var file = Files.writeString(dir.resolve("calls.csv"), nativeCalls(10_002, i -> "Ada", i -> i == 10_002 ? "c1" : "c" + i));
            var result = importFile(server, master, file, "calls");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("line 10003, column call_log_id: the id c1 is also on line 2");
            assertThat(stored(server, "call_key")).isZero();
        }
    }

    @Test
    void impossible_dates_bad_numbers_and_the_api_rules_are_named_by_line_and_column() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Bad Values");
            assignDeck(server, master);
            var asterisk = Files.writeString(dir.resolve("Master.csv"), """
                    "","1017","2126903306","from-internal","","PJSIP/1017-1","","Dial","","2026-11-19 06:26:59","2026-11-19 06:27:05","2026-11-19 06:31:05",246,240,"ANSWERED","DOCUMENTATION"
                    "","1017","2126903306","from-internal","","PJSIP/1017-2","","Dial","","2026-11-30 08:00:00","","2026-11-31 08:00:00",0,0,"NO ANSWER","DOCUMENTATION"
                    "","1017","2126903306","from-internal","","PJSIP/1017-3","","Dial","","2026-11-19 06:26:59","2026-11-19 06:27:05","2026-11-19 06:31:05",246,12s,"ANSWERED","DOCUMENTATION"
                    "","1017","2126903306","from-internal","","PJSIP/1017-4","","Dial","","2026-11-19 06:26:59","2026-11-19 06:27:05","2026-11-19 06:31:05",246,99999999999999999999,"ANSWERED","DOCUMENTATION"
                    """);
            var result = importFile(server, master, asterisk, "calls", "--format", "asterisk");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("line 2, column end: \"2026-11-31 08:00:00\" is not a date and time (YYYY-MM-DD HH:MM:SS)",
                    "line 3, column billsec: \"12s\" is not a whole number", "line 4, column billsec: \"99999999999999999999\" is too large");
            assertThat(result.reason()).contains("3 bad row(s)").endsWith("nothing imported");

            var calls = Files.writeString(dir.resolve("calls.csv"), """
                    call_log_id,direction,caller_number,callee_number,end_time,duration_seconds,answer_time,call_center
                    a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,12s
                    b,sideways,+14155550100,+12125550123,2026-11-20T10:00:00Z,10
                    c,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,9999999
                    d,outbound,+14155550100,+12125550123,0000-12-31T23:00:00Z,
                    e,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,,0001-01-01T00:00:00Z,
                    f,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,,,maybe
                    """);
            assertThat(importFile(server, master, calls, "calls").err()).contains(
                    "line 2, column duration_seconds: \"12s\" is not a whole number",
                    "line 3, column direction: Required: inbound or outbound.",
                    "line 4, column duration_seconds: Must be from 0 to 172800.",
                    "line 5, column end_time: \"0000-12-31T23:00:00Z\" is outside the years 1 to 9999",
                    "line 6, column answer_time: answer_time to end_time is 63", "more than the database stores (2147483647)",
                    "line 7, column call_center: \"maybe\" is not true or false");

            var sms = Files.writeString(dir.resolve("sms.csv"), """
                    message_id,direction,from_number,to_number,sent_time,text_length,encoding
                    m1,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,4294967297,gsm7
                    m2,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,20,ebcdic
                    """);
            var smsResult = importFile(server, master, sms, "sms");
            assertThat(smsResult.exit()).isEqualTo(1);
            assertThat(smsResult.err()).contains("line 2, column text_length: \"4294967297\" is too large a number",
                    "line 3, column encoding: Must be gsm7 or ucs2.");
            assertThat(stored(server, "call_key") + stored(server, "sms_key")).isZero();
        }
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_the_line() throws Exception {
        try (var server = new TestServer()) {
            var master = server.master("Latin One");
            assignDeck(server, master);
            var bytes = new java.io.ByteArrayOutputStream();
            bytes.writeBytes(nativeCalls(2, i -> "Ada", i -> "c" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.writeBytes("c3,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,Jos".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(0xE9);
            bytes.write('\n');
            var file = Files.write(dir.resolve("calls.csv"), bytes.toByteArray());
            var result = importFile(server, master, file, "calls");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("line 4: not valid UTF-8");
            assertThat(stored(server, "call_key")).isZero();
        }
    }

    @Test
    void an_unknown_account_is_bad_usage() throws Exception {
        try (var server = new TestServer()) {
            var file = Files.writeString(dir.resolve("calls.csv"), nativeCalls(1, i -> "Ada", i -> "c" + i));
            var missing = com.chargeline.common.id.AccountId.random().wire();
            var result = CliRun.of("import", "calls", file.toString(), "--account", missing, "--db-url", server.dbUrl,
                    "--db-user", "postgres");
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.reason()).isEqualTo("chargeline: no account " + missing);
        }
    }

    @Test
    void lines_are_the_file_s_lines_when_a_quoted_value_spans_several() throws Exception {
        var parsed = UsageFiles.nativeCalls(new StringReader("""
                call_log_id,direction,caller_number,callee_number,end_time,calling_party_name
                a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,"Ada
                Lovelace"
                b,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,Ada
                c,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,"x\0y"
                b,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,Ada
                """));
        assertThat(parsed.lines()).containsExactly(2L, 4L, 6L);
        assertThat(ImportCheck.check(parsed, ImportCheck.nativeCalls(java.time.Clock.systemUTC()))).extracting(Object::toString)
                .containsExactly("line 5, column calling_party_name: contains a NUL character, which PostgreSQL cannot store",
                        "line 6, column call_log_id: the id b is also on line 4 (ids must be unique in a file)");
    }

    @Test
    void lines_are_the_file_s_lines_after_blank_lines_and_a_byte_order_mark() throws Exception {
        var parsed = UsageFiles.nativeCalls(new StringReader("\uFEFF" + """
                call_log_id,direction,caller_number,callee_number,end_time,calling_party_name
                a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,Ada


                b,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,"x\0y"
                """));
        assertThat(parsed.lines()).containsExactly(2L);
        assertThat(parsed.problems()).extracting(Object::toString)
                .containsExactly("line 5, column calling_party_name: contains a NUL character, which PostgreSQL cannot store");
    }

    @Test
    void a_native_column_that_is_not_a_field_of_the_api_is_refused() throws Exception {
        var parsed = UsageFiles.nativeCalls(new StringReader("""
                call_log_id,direction,caller_number,callee_number,end_time,duraton_seconds
                a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z,60
                """));
        assertThat(parsed.problems()).extracting(Object::toString).containsExactly(
                "line 1, column duraton_seconds: is not a field of the native format (a misspelt column would silently be "
                        + "read as not given)");
    }

    @Test
    void a_row_that_is_not_csv_is_named_by_its_line() throws Exception {
        var parsed = UsageFiles.nativeCalls(new StringReader("""
                call_log_id,direction,caller_number,callee_number,end_time
                a,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z
                "b"x,outbound,+14155550100,+12125550123,2026-11-20T10:00:00Z
                """));
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.problems().getFirst().toString()).startsWith("line 3: not valid CSV (")
                .endsWith("); nothing after it was read").doesNotContain("java.", "Exception");
    }

    @Test
    void an_asterisk_row_repeated_without_a_uniqueid_is_named_as_a_repeat() throws Exception {
        var row = "\"\",\"1017\",\"2126903306\",\"from-internal\",\"\",\"PJSIP/1017-1\",\"\",\"Dial\",\"\",\"2026-11-19 06:26:59\","
                + "\"2026-11-19 06:27:05\",\"2026-11-19 06:31:05\",246,240,\"ANSWERED\",\"DOCUMENTATION\"\n";
        var parsed = UsageFiles.asteriskCalls(new StringReader(row + row), java.time.ZoneOffset.UTC);
        assertThat(ImportCheck.check(parsed, ImportCheck.asteriskCalls(java.time.Clock.systemUTC()))).extracting(Object::toString)
                .containsExactly("line 2: repeats line 1 (a row without a uniqueid is identified by all its fields)");
    }
}
