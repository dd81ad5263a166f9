package com.chargeline.usage.reports;

import com.chargeline.common.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The statements of the charge reports (see {@link ChargeReports}). A page has two statements, the first page
 * and the pages after a position, because they bound the index scan differently; {@link ChargeReports} runs those
 * files ({@code callsFirstPage}, {@code callsAfter}, {@code messagesFirstPage}, {@code messagesAfter}) on its
 * handle with the mappers below, and sums the count files ({@code countHours} for the rollup's whole hours;
 * {@code countCalls}, {@code countCallsFiltered}, {@code countMessages}, {@code countChargedMessages} for the partial
 * hours) into one statement. A null {@code billingAccount} means all billing accounts.
 */
@UseClasspathSqlLocator
public interface ChargeReportRepository {

    @SqlQuery
    boolean billingAccountExists(@Bind("account") UUID account, @Bind("id") String billingAccountId);

    /** Maps a row of {@code callsFirstPage.sql} / {@code callsAfter.sql}, by column name. */
    final class CallChargeMapper implements RowMapper<CallCharge> {
        @Override
        public CallCharge map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CallCharge(rs.getString("call_log_id"),
                    new CallCharge.Parties(rs.getString("caller_number"), rs.getString("caller_billing_number"),
                            rs.getString("callee_number"), rs.getString("callee_billing_number"),
                            rs.getString("call_type"), rs.getString("service_type")),
                    new CallCharge.Attribution(rs.getString("calling_party_name"), rs.getString("cost_center"),
                            rs.getString("employee_id"), rs.getString("department"), rs.getString("billing_number"),
                            rs.getString("forward_number_billing")),
                    instant(rs, "end_time"), rs.getInt("duration_seconds"),
                    charge(rs, rs.getString("charge_mode")));
        }

        /** The row's rate and charge as money of its currency, at its deck's precision ({@code charge_scale}). */
        static CallCharge.Charge charge(ResultSet rs, String chargeMode) throws SQLException {
            var currency = Currency.getInstance(rs.getString("currency"));
            int precision = rs.getInt("charge_scale");
            return new CallCharge.Charge(chargeMode, new Money(rs.getBigDecimal("rate"), currency).roundedPerRecord(precision),
                    new Money(rs.getBigDecimal("total_charge"), currency).roundedPerRecord(precision));
        }

        static Instant instant(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
    }

    /** Maps a row of {@code messagesFirstPage.sql} / {@code messagesAfter.sql}, by column name. */
    final class SmsChargeMapper implements RowMapper<SmsCharge> {
        @Override
        public SmsCharge map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SmsCharge(rs.getString("session_id"), rs.getString("message_id"), rs.getString("message_type"),
                    new SmsCharge.Party(rs.getString("from_number"), rs.getString("from_extension_number"),
                            rs.getString("from_display_name")),
                    new SmsCharge.Party(rs.getString("to_number"), rs.getString("to_extension_number"),
                            rs.getString("to_display_name")),
                    CallChargeMapper.instant(rs, "sent_time"), rs.getString("billing_number"), rs.getString("cost_center"),
                    rs.getString("department"),
                    CallChargeMapper.charge(rs, ""));
        }
    }
}
