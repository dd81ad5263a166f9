package com.chargeline.usage.ingest;

import com.chargeline.common.money.Money;
import java.util.Currency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored call ratings: read for the API, read and retired for re-rating. */
@UseClasspathSqlLocator
public interface RatedCallRepository {

    /** Every rating of a call, newest first (empty: no such call for the account). */
    @SqlQuery
    @RegisterRowMapper(RatedCallMapper.class)
    List<RatedCall> ratings(@Bind("accountId") UUID accountId, @Bind("callLogId") String callLogId);

    /** The current rating of every call that ended in [start, end), oldest first, locked for re-rating. */
    @SqlQuery
    @RegisterRowMapper(StoredCallMapper.class)
    List<StoredCall> currentInWindow(@Bind("accountId") UUID accountId, @Bind("start") OffsetDateTime start,
                                     @Bind("end") OffsetDateTime end);

    /** Makes the given current ratings (ids and rating numbers, as read) of calls that ended in [start, end) not current. */
    @SqlUpdate
    int retire(@Bind("accountId") UUID accountId, @Bind("start") OffsetDateTime start, @Bind("end") OffsetDateTime end,
               @Bind("ids") String[] callLogIds, @Bind("ratingNos") int[] ratingNos);

    /**
     * A stored rating as re-rating needs it: the call as first reported, and what the rating added to the rollups
     * ({@code destinationCountry} null: rated before rated_call kept it).
     */
    record StoredCall(CallRecord record, int ratingNo, String callType, String destinationCountry,
                      String billingAccountId, String costCenter, String department, long billedSeconds, Money charge,
                      String userId) {
    }

    /** Maps a row of {@code currentInWindow.sql}, by column name. */
    final class StoredCallMapper implements RowMapper<StoredCall> {
        @Override
        public StoredCall map(ResultSet rs, StatementContext ctx) throws SQLException {
            var record = new CallRecord(rs.getString("call_log_id"),
                    new CallRecord.Parties(rs.getString("direction"), rs.getString("caller_number"),
                            rs.getString("callee_number"), blank(rs.getString("extension_number"))),
                    new CallRecord.Timing(RatedCallMapper.instant(rs, "start_time"), RatedCallMapper.instant(rs, "answer_time"),
                            RatedCallMapper.instant(rs, "end_time"), rs.getLong("duration_seconds")),
                    new CallRecord.Outcome(rs.getString("result"), rs.getString("service_type"),
                            "callCenter".equals(rs.getString("call_type"))),
                    new CallRecord.Attribution(rs.getString("calling_party_name"), rs.getString("cost_center"),
                            rs.getString("employee_id"), rs.getString("department"), rs.getString("billing_number"),
                            rs.getString("billing_account_id"), rs.getString("caller_billing_number"),
                            rs.getString("callee_billing_number"), rs.getString("forward_number_billing")));
            return new StoredCall(record, rs.getInt("rating_no"), rs.getString("call_type"),
                    rs.getString("destination_country"), rs.getString("billing_account_id"), rs.getString("cost_center"), rs.getString("department"),
                    rs.getLong("billed_seconds"), new Money(rs.getBigDecimal("total_charge"),
                            Currency.getInstance(rs.getString("currency"))),
                    rs.getString("user_id") == null ? "" : rs.getString("user_id"));
        }

        private static String blank(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }

    /** Maps a row of {@code ratings.sql}, by column name. */
    final class RatedCallMapper implements RowMapper<RatedCall> {
        @Override
        public RatedCall map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RatedCall(rs.getString("call_log_id"), rs.getInt("rating_no"),
                    new RatedCall.Parties(rs.getString("direction"), rs.getString("caller_number"),
                            rs.getString("caller_billing_number"), rs.getString("callee_number"),
                            rs.getString("callee_billing_number"), rs.getString("extension_number")),
                    new RatedCall.Timing(instant(rs, "end_time"), instant(rs, "start_time"), instant(rs, "answer_time"),
                            rs.getInt("duration_seconds")),
                    new RatedCall.Attribution(rs.getString("calling_party_name"), rs.getString("cost_center"),
                            rs.getString("employee_id"), rs.getString("department"), rs.getString("billing_account_id"),
                            rs.getString("billing_number"), rs.getString("forward_number_billing")),
                    new RatedCall.Rating(rs.getString("call_type"), rs.getString("service_type"), rs.getString("result"),
                            rs.getString("charge_mode"), rs.getBigDecimal("rate"), money(rs), rs.getString("status"),
                            rs.getString("rating_error"), instant(rs, "rated_at")),
                    rs.getString("explanation"));
        }

        /** The stored charge at its deck's precision ({@code charge_scale}), which the numeric column may not keep. */
        static Money money(ResultSet rs) throws SQLException {
            return new Money(rs.getBigDecimal("total_charge"), Currency.getInstance(rs.getString("currency")))
                    .withScale(rs.getInt("charge_scale"));
        }

        static Instant instant(ResultSet rs, String column) throws SQLException {
            var value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
