package com.chargeline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The second pool's commits do not wait for the WAL flush, the main pool keeps the server's setting, and both close
 * with the database.
 */
class AsyncCommitPoolTest {
    @Test
    void only_the_async_commit_pool_commits_without_waiting_for_the_disk() throws SQLException {
        var db = Database.connect(TestPostgres.newDatabase(), "postgres", null, null);
        DataSource async;
        try {
            async = db.asyncCommitDataSource();
            assertThat(db.asyncCommitDataSource()).isSameAs(async);
            assertThat(setting(async)).isEqualTo("off");
            // the main pool keeps the server's own setting (the test cluster's, whatever it is)
            assertThat(setting(db.dataSource())).isEqualTo(db.withHandle(h -> h.createQuery(
                    "SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'").mapTo(String.class).one()));
            // what one writes on it is visible to the other at once: only durability is relaxed
            try (var c = async.getConnection(); var s = c.createStatement()) {
                s.execute("CREATE TABLE scratch_async (v int)");
                s.execute("INSERT INTO scratch_async VALUES (7)");
            }
            int seen = db.withHandle(h -> h.createQuery("SELECT v FROM scratch_async").mapTo(Integer.class).one());
            assertThat(seen).isEqualTo(7);
        } finally {
            db.close();
        }
        assertThat(((com.zaxxer.hikari.HikariDataSource) async).isClosed()).isTrue();
    }

    private static String setting(DataSource source) throws SQLException {
        try (var c = source.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
