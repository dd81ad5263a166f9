package com.chargeline.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Signed-in dashboard sessions, by the SHA-256 of their id. */
@UseClasspathSqlLocator
interface DashboardSessionRepository {
    /** One live session row. */
    record Row(UUID accountId, String clientId, String csrfToken, OffsetDateTime lastSeenAt) {
    }

    @SqlUpdate
    void insert(@Bind("hash") byte[] hash, @Bind("accountId") UUID accountId, @Bind("clientId") String clientId,
                @Bind("csrf") String csrf, @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("hash") byte[] hash, @Bind("now") Instant now, @Bind("idleSince") Instant idleSince);

    @SqlUpdate
    void touch(@Bind("hash") byte[] hash, @Bind("now") Instant now);

    @SqlUpdate
    void delete(@Bind("hash") byte[] hash);

    @SqlUpdate
    int purge(@Bind("now") Instant now, @Bind("idleSince") Instant idleSince);
}
