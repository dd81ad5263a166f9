package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API clients, with their hashed secrets. */
@UseClasspathSqlLocator
public interface ApiClientRepository {

    /** A client row with the material needed to check a presented secret, and its account's active base plans. */
    record StoredClient(ApiClient client, byte[] salt, byte[] hash, List<String> basePlans) {
    }

    @SqlUpdate
    void insert(@Bind("accountId") UUID accountId, @Bind("clientId") String clientId,
                @Bind("salt") byte[] salt, @Bind("hash") byte[] hash, @Bind("scopes") List<String> scopes,
                @Bind("name") String name, @Bind("createdAt") Instant createdAt);

    // findActive.sql (the live, not revoked, client with this id whose account still exists) is run on the handle by
    // ApiClientQueries with StoredClientMapper: it is asked on every authenticated request.

    /** Every client of the account, revoked ones too, oldest first. */
    @SqlQuery
    @RegisterRowMapper(ListedMapper.class)
    List<ApiClientQueries.Listed> listForAccount(@Bind("accountId") UUID accountId);

    /** Whether the account's client is revoked (empty: no such client). */
    @SqlQuery
    Optional<Boolean> isRevoked(@Bind("accountId") UUID accountId, @Bind("clientId") String clientId);

    @SqlUpdate
    int revoke(@Bind("accountId") UUID accountId, @Bind("clientId") String clientId, @Bind("at") Instant at);

    /** Sets whether the rate limits apply to the client; 0 when the account has no such client. */
    @SqlUpdate
    int setRateLimited(@Bind("accountId") UUID accountId, @Bind("clientId") String clientId,
                       @Bind("rateLimited") boolean rateLimited);

    /** Maps an api_client row. */
    final class StoredClientMapper implements RowMapper<StoredClient> {
        @Override
        public StoredClient map(ResultSet rs, StatementContext ctx) throws SQLException {
            var scopes = (String[]) rs.getArray("scopes").getArray();
            var client = new ApiClient(new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("client_id"),
                    Arrays.asList(scopes), rs.getString("name"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("rate_limited"));
            return new StoredClient(client, rs.getBytes("secret_salt"), rs.getBytes("secret_hash"),
                    List.of((String[]) rs.getArray("base_plans").getArray()));
        }
    }

    /** Maps a row of {@code listForAccount}. */
    final class ListedMapper implements RowMapper<ApiClientQueries.Listed> {
        @Override
        public ApiClientQueries.Listed map(ResultSet rs, StatementContext ctx) throws SQLException {
            var scopes = (String[]) rs.getArray("scopes").getArray();
            var revoked = rs.getObject("revoked_at", OffsetDateTime.class);
            return new ApiClientQueries.Listed(rs.getString("client_id"), rs.getString("name"), Arrays.asList(scopes),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
        }
    }
}
