package com.chargeline.usage.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rate decks, their versions and assignments. Rate rows themselves are written with COPY (see {@link ImportRates}). */
@UseClasspathSqlLocator
public interface RateDeckRepository {

    /** A deck's row. */
    record DeckRow(UUID accountId, UUID deckId, String name, String currency, int precision, int currentVersion,
                   Instant createdAt) {
    }

    @SqlUpdate
    void insert(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("name") String name,
                @Bind("currency") String currency, @Bind("precision") int precision, @Bind("createdAt") Instant createdAt);

    @SqlQuery
    @RegisterConstructorMapper(DeckRow.class)
    Optional<DeckRow> find(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId);

    @SqlQuery
    @RegisterConstructorMapper(DeckRow.class)
    Optional<DeckRow> findById(@Bind("deckId") UUID deckId);

    @SqlQuery
    @RegisterConstructorMapper(DeckRow.class)
    List<DeckRow> list(@Bind("accountId") UUID accountId);

    /** Locks the deck and returns its next version number. */
    @SqlQuery
    int nextVersion(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId);

    @SqlUpdate
    void insertVersion(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("version") int version,
                       @Bind("rateCount") int rateCount, @Bind("createdAt") Instant createdAt);

    @SqlUpdate
    void copySmsRates(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("from") int fromVersion,
                      @Bind("to") int toVersion);

    @SqlUpdate
    void copyRates(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("from") int fromVersion,
                   @Bind("to") int toVersion);

    @SqlUpdate
    void setRateCount(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("version") int version,
                      @Bind("rateCount") int rateCount);

    /** The number of call rates of a version. */
    @SqlQuery
    int countRates(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("version") int version);

    @SqlUpdate
    void setCurrentVersion(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("version") int version);

    @SqlUpdate
    void assign(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("at") Instant at);

    @SqlQuery
    @RegisterRowMapper(RateRowMapper.class)
    List<Rate> rates(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId, @Bind("version") int version);

    /** SMS rates of a version as (key, units per segment). */
    @SqlQuery
    @RegisterRowMapper(SmsRateRowMapper.class)
    List<java.util.Map.Entry<SmsRates.Key, Long>> smsRates(@Bind("accountId") UUID accountId, @Bind("deckId") UUID deckId,
                                                     @Bind("version") int version);

    /** Maps a rate row. */
    final class RateRowMapper implements RowMapper<Rate> {
        @Override
        public Rate map(ResultSet rs, StatementContext ctx) throws SQLException {
            var to = rs.getObject("effective_to", LocalDate.class);
            return new Rate(rs.getInt("row_no"),
                    new Rate.Destination(rs.getString("prefix"), rs.getString("destination"),
                            CallType.parse(rs.getString("call_type")).orElseThrow()),
                    new Rate.Price(ChargeMode.parse(rs.getString("charge_mode")).orElseThrow(),
                            Rate.units(rs.getBigDecimal("rate_per_min")), Rate.units(rs.getBigDecimal("per_call_fee")),
                            rs.getInt("free_seconds"), new Increments(rs.getInt("first_increment_s"), rs.getInt("next_increment_s"))),
                    new Rate.Validity(rs.getObject("effective_from", LocalDate.class), to));
        }
    }

    /** Maps an sms_rate row. */
    final class SmsRateRowMapper implements RowMapper<java.util.Map.Entry<SmsRates.Key, Long>> {
        @Override
        public java.util.Map.Entry<SmsRates.Key, Long> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return java.util.Map.entry(new SmsRates.Key(rs.getString("country"), rs.getString("message_type"),
                    rs.getString("direction")), Rate.units(rs.getBigDecimal("rate_per_segment")));
        }
    }

    /** The deck that prices {@code accountId}: its own assignment, else its master's. */
    @SqlQuery
    Optional<UUID> deckFor(@Bind("accountId") UUID accountId);
}
