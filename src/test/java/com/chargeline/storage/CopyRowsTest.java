package com.chargeline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestPostgres;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** What CopyRows writes, PostgreSQL reads back exactly: texts with quotes, tabs, newlines, backslashes and control characters, nulls, instants. */
class CopyRowsTest {
    @Test
    void postgresReadsBackEveryValueExactly() throws Exception {
        var texts = List.of("", "plain", "with \"quotes\"", "a,b", "line\nbreak", "\\N", "ünïcødé ☎", " lead",
                "tab\there", "cr\r\nlf", "back\\slash", "\\.", "{\"json\": \"a \\\"quoted\\\" word\"}", "\u0001\u001f");
        var instants = new ArrayList<Instant>();
        instants.add(Instant.parse("2026-11-24T10:15:30Z"));
        instants.add(Instant.parse("2026-11-24T10:15:30.5Z"));
        instants.add(Instant.parse("2026-01-01T00:00:00.123456Z"));
        instants.add(Instant.parse("0999-12-31T23:59:59Z"));
        instants.add(null);
        var rows = new CopyRows(256);
        for (int i = 0; i < texts.size(); i++) {
            rows.add(i).add(texts.get(i)).add(instants.get(i % instants.size())).add((Object) null).endRow();
        }
        var jdbi = Jdbi.create(TestPostgres.newDatabase(), "postgres", "");
        var back = jdbi.withHandle(h -> {
            h.execute("CREATE TEMP TABLE t (n int, s text, at timestamptz, missing text)");
            h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY t FROM STDIN " + CopyRows.OPTIONS, new StringReader(rows.toString()));
            return h.createQuery("SELECT n, s, at, missing FROM t ORDER BY n")
                    .map((rs, ctx) -> List.of(rs.getInt(1), rs.getString(2),
                            rs.getObject(3) == null ? "null" : rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(4) == null ? "null" : rs.getString(4)))
                    .list();
        });
        assertThat(back).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            var instant = instants.get(i % instants.size());
            assertThat(back.get(i)).containsExactly(i, texts.get(i), instant == null ? "null" : instant, "null");
        }
    }
}
