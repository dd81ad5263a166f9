package com.chargeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.testing.TestPostgres;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one COPY seam: rows round-trip in chunks, cancel leaves nothing, a refused row surfaces with its SQL state. */
class BulkCopyTest {
    private static final List<String> AWKWARD = List.of("", "plain", "tab\there", "line\nbreak", "cr\r\nlf", "back\\slash",
            "\\N", "\\.", "\\", "trailing\\", "{\"json\": \"a \\\"quoted\\\" word\"}", "\u0001\u001f", "ünïcødé ☎ 😀");

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestPostgres.newDatabase(), "postgres", "");
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE t (n int PRIMARY KEY, s text, at timestamptz, missing text)");
            h.execute("CREATE TABLE k (id text PRIMARY KEY)");
        });
    }

    private static List<List<Object>> readBack(Handle h, String table) {
        return h.createQuery("SELECT n, s, at, missing FROM " + table + " ORDER BY n")
                .map((rs, ctx) -> List.<Object>of(rs.getInt(1), rs.getString(2) == null ? "null" : rs.getString(2),
                        rs.getObject(3) == null ? "null" : rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4) == null ? "null" : rs.getString(4)))
                .list();
    }

    @Test
    void rows_with_tabs_backslashes_newlines_and_backslash_n_round_trip_through_many_chunks() {
        var at = Instant.parse("2026-11-24T10:15:30.5Z");
        var back = jdbi.inTransaction(h -> {
            h.execute("CREATE TEMP TABLE r (LIKE t) ON COMMIT DROP");
            long stored;
            try (var copy = BulkCopy.into("r", "n, s, at, missing", 16).open(h)) {
                for (int i = 0; i < AWKWARD.size(); i++) {
                    copy.values().add(i).add(AWKWARD.get(i)).add(at).add((Object) null);
                    copy.endRow();
                }
                copy.row(AWKWARD.size(), null, null, "last");
                stored = copy.end(h);
            }
            assertThat(stored).isEqualTo(AWKWARD.size() + 1);
            return readBack(h, "r");
        });
        assertThat(back).hasSize(AWKWARD.size() + 1);
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertThat(back.get(i)).containsExactly(i, AWKWARD.get(i), Instant.parse("2026-11-24T10:15:30.5Z"), "null");
        }
        assertThat(back.get(AWKWARD.size())).containsExactly(AWKWARD.size(), "null", "null", "last");
    }

    @Test
    void rows_kept_before_the_copy_opens_go_out_in_slices_that_never_split_a_character() {
        // 1.6 million characters, almost all surrogate pairs; the first slice (2^20 characters) ends on a high surrogate.
        var texts = new ArrayList<String>();
        var pairs = "😀".repeat(40_000);
        for (int i = 0; i < 20; i++) {
            texts.add("x" + pairs + i);
        }
        var back = jdbi.inTransaction(h -> {
            h.execute("CREATE TEMP TABLE r (LIKE t) ON COMMIT DROP");
            var copy = BulkCopy.into("r", "n, s");
            for (int i = 0; i < texts.size(); i++) {
                copy.row(i, texts.get(i));
            }
            assertThat(copy.isOpen()).isFalse();
            assertThat(copy.end(h)).isEqualTo(texts.size());
            return h.createQuery("SELECT s FROM r ORDER BY n").mapTo(String.class).list();
        });
        assertThat(back).isEqualTo(texts);
    }

    @Test
    void ending_a_copy_without_rows_never_opens_one() {
        jdbi.useHandle(h -> {
            var copy = BulkCopy.into("no_such_table", "n");
            assertThat(copy.end(h)).isZero();
            assertThat(copy.isOpen()).isFalse();
            assertThat(h.createQuery("SELECT 1").mapTo(Integer.class).one()).isEqualTo(1);
        });
    }

    @Test
    void cancel_leaves_nothing_and_the_connection_usable() {
        jdbi.useHandle(h -> {
            var copy = BulkCopy.into("t", "n, s", 16).open(h);
            for (int i = 0; i < 100; i++) {
                copy.row(1000 + i, "sent before the cancel");
            }
            copy.flush();
            copy.cancel();
            assertThat(copy.isOpen()).isFalse();
            try (var closed = BulkCopy.into("t", "n, s").open(h)) {
                closed.row(2000, "never ended");
                closed.flush();
            }
            assertThat(h.createQuery("SELECT count(*) FROM t WHERE n >= 1000").mapTo(Integer.class).one()).isZero();
        });
    }

    @Test
    void a_refused_row_surfaces_with_its_sql_state_and_a_savepoint_recovers_the_transaction() {
        var kept = jdbi.inTransaction(h -> {
            h.execute("INSERT INTO k VALUES ('taken')");
            h.savepoint("copy");
            var copy = BulkCopy.into("k", "id").open(h);
            copy.row("fresh");
            copy.row("taken");
            assertThatThrownBy(() -> copy.end(h))
                    .isInstanceOfSatisfying(CopyFailed.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("23505");
                        assertThat(e.uniqueViolation()).isTrue();
                        assertThat(e).hasMessageStartingWith("COPY into k failed: ");
                    });
            assertThat(copy.isOpen()).isFalse();
            h.rollbackToSavepoint("copy");
            h.execute("INSERT INTO k VALUES ('fresh') ON CONFLICT DO NOTHING");
            var ids = h.createQuery("SELECT id FROM k ORDER BY id").mapTo(String.class).list();
            h.rollback();
            return ids;
        });
        assertThat(kept).containsExactly("fresh", "taken");
    }

    @Test
    void a_value_its_column_cannot_read_is_refused_with_its_own_sql_state() {
        jdbi.useHandle(h -> {
            var copy = BulkCopy.into("t", "n, s").open(h);
            copy.row("not a number", "x");
            assertThatThrownBy(() -> copy.end(h))
                    .isInstanceOfSatisfying(CopyFailed.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("22P02");
                        assertThat(e.uniqueViolation()).isFalse();
                    });
            assertThat(h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one()).isZero();
        });
    }
}
