package com.chargeline.subscriptions;

import com.chargeline.catalog.BillingCycle;
import com.chargeline.catalog.PlanType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * Plan lines ({@code subscription}), the plan audit and the master's discount. Every statement names
 * the account (or the accounts, or the master) it reads or writes.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(SubscriptionRepository.LineMapper.class)
public interface SubscriptionRepository {

    /** Locks the account's row for a change of its plans (one change per account at a time). */
    @SqlQuery
    UUID lockAccount(@Bind("accountId") UUID accountId);

    /** Every plan line of the account, oldest first. */
    @SqlQuery
    List<Subscription> lines(@Bind("accountId") UUID accountId);

    /** Whether the account holds a line that is active and not cancelled before {@code today}. */
    @SqlQuery
    boolean hasLiveLine(@Bind("accountId") UUID accountId, @Bind("today") LocalDate today);

    /** A plan line's purchase order number, as given when it was bought. */
    record PurchaseOrder(UUID subscriptionId, String purchaseOrderNumber) {
    }

    /** The purchase order numbers of the account's plan lines that were bought with one. */
    @SqlQuery
    @RegisterConstructorMapper(PurchaseOrder.class)
    List<PurchaseOrder> purchaseOrders(@Bind("accountId") UUID accountId);

    /** A plan line with the account holding it. */
    record AccountLine(UUID accountId, Subscription line) {
    }

    /** The active base-plan lines of these accounts, oldest first. */
    @SqlQuery
    @RegisterRowMapper(AccountLineMapper.class)
    List<AccountLine> activeBaseLines(@Bind("accountIds") UUID[] accountIds);

    @SqlUpdate
    void insertLine(@Bind("subscriptionId") UUID subscriptionId, @Bind("accountId") UUID accountId,
                    @Bind("group") String group, @Bind("type") String type, @Bind("hosts") int hosts,
                    @Bind("cycle") String cycle, @Bind("start") LocalDate start,
                    @Bind("contractTerm") Integer contractTerm, @Bind("purchaseOrderNumber") String purchaseOrderNumber,
                    @Bind("dealRegistrationId") String dealRegistrationId, @Bind("now") OffsetDateTime now);

    /** Writes one new active plan line whose paid period starts on {@code start}. */
    default void addLine(UUID accountId, PlanType plan, int hosts, LocalDate start, PlanRequest.Options options,
                         OffsetDateTime now) {
        insertLine(UUID.randomUUID(), accountId, plan.group(), plan.type(), hosts, plan.cycle().wire(), start,
                options.contractTerm(), options.purchaseOrderNumber(), options.dealRegistrationId(), now);
    }

    @SqlUpdate
    int setHosts(@Bind("accountId") UUID accountId, @Bind("subscriptionId") UUID subscriptionId,
                 @Bind("hosts") int hosts, @Bind("now") OffsetDateTime now);

    /** Cancels a line at the end of its paid period ({@code cancelAt}); it stops renewing. */
    @SqlUpdate
    int cancelLine(@Bind("accountId") UUID accountId, @Bind("subscriptionId") UUID subscriptionId,
                   @Bind("cancelAt") LocalDate cancelAt, @Bind("reason") Integer reason,
                   @Bind("now") OffsetDateTime now);

    /** Ends a line replaced by another (a plan switch) on {@code today}. */
    @SqlUpdate
    int endLine(@Bind("accountId") UUID accountId, @Bind("subscriptionId") UUID subscriptionId,
                @Bind("today") LocalDate today, @Bind("now") OffsetDateTime now);

    /** Stores a cancelled line whose paid period has ended as {@code cancelled}. */
    @SqlUpdate
    int closeLine(@Bind("accountId") UUID accountId, @Bind("subscriptionId") UUID subscriptionId,
                  @Bind("now") OffsetDateTime now);

    /** {@code before} and {@code after} are JSON text (or null). */
    @SqlUpdate
    void insertAudit(@Bind("accountId") UUID accountId, @Bind("actor") String actor, @Bind("at") OffsetDateTime at,
                     @Bind("action") String action, @Bind("before") String before, @Bind("after") String after);

    /** The account's plan changes, newest first. */
    @SqlQuery
    @RegisterRowMapper(AuditMapper.class)
    List<PlanAuditEntry> auditLog(@Bind("accountId") UUID accountId, @Bind("limit") int limit);

    @SqlQuery
    Optional<BigDecimal> discount(@Bind("masterAccountId") UUID masterAccountId);

    @SqlUpdate
    void upsertDiscount(@Bind("masterAccountId") UUID masterAccountId, @Bind("percent") BigDecimal percent,
                        @Bind("updatedAt") OffsetDateTime updatedAt);

    /** The account's directory users: each holds a licence of its base plan. */
    @SqlQuery
    int countPhoneUsers(@Bind("accountId") UUID accountId);

    /** Maps a {@code subscription} row by column name. */
    final class LineMapper implements RowMapper<Subscription> {
        @Override
        public Subscription map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Subscription(rs.getObject("subscription_id", UUID.class), rs.getString("plan_group"),
                    rs.getString("plan_type"), rs.getInt("hosts"), BillingCycle.fromWire(rs.getString("billing_cycle")),
                    SubscriptionStatus.fromDb(rs.getString("status")),
                    rs.getObject("service_effective_date", LocalDate.class),
                    rs.getObject("paid_period_start_date", LocalDate.class),
                    rs.getObject("cancel_at", LocalDate.class), rs.getBoolean("auto_renew"));
        }
    }

    /** Maps a {@code subscription} row with its {@code account_id}. */
    final class AccountLineMapper implements RowMapper<AccountLine> {
        private final LineMapper lines = new LineMapper();

        @Override
        public AccountLine map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AccountLine(rs.getObject("account_id", UUID.class), lines.map(rs, ctx));
        }
    }

    /** Maps a {@code plan_audit} row, its time in UTC. */
    final class AuditMapper implements RowMapper<PlanAuditEntry> {
        @Override
        public PlanAuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PlanAuditEntry(rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                    rs.getString("actor"), rs.getString("action"), rs.getString("before"), rs.getString("after"));
        }
    }
}
