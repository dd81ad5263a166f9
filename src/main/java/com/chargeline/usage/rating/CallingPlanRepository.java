package com.chargeline.usage.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An account's calling plans (calling_plan). */
@UseClasspathSqlLocator
public interface CallingPlanRepository {
    /** Inserts the plan unless one of its name exists; 1 when inserted, 0 when the name is taken. */
    @SqlUpdate
    int insert(@Bind("accountId") UUID accountId, @Bind("planId") UUID planId, @Bind("name") String name,
               @Bind("scope") String scope, @Bind("includedMinutes") Integer includedMinutes,
               @Bind("callTypes") String[] callTypes, @Bind("regions") String[] regions);

    @SqlQuery
    @RegisterRowMapper(PlanMapper.class)
    List<CallingPlan> byAccount(@Bind("accountId") UUID accountId);

    /** Maps a row of {@code byAccount.sql}, by column name. */
    final class PlanMapper implements RowMapper<CallingPlan> {
        @Override
        public CallingPlan map(ResultSet rs, StatementContext ctx) throws SQLException {
            Integer minutes = rs.getObject("included_minutes", Integer.class);
            Set<CallType> types = Arrays.stream((String[]) rs.getArray("call_types").getArray())
                    .map(t -> CallType.parse(t).orElseThrow(() -> new IllegalStateException("stored call type " + t)))
                    .collect(Collectors.toSet());
            Set<String> regions = Set.of((String[]) rs.getArray("regions").getArray());
            return new CallingPlan(rs.getObject("plan_id", UUID.class), rs.getString("name"),
                    rs.getString("scope").equals("pooled") ? CallingPlan.Scope.POOLED : CallingPlan.Scope.PER_USER,
                    minutes == null ? OptionalLong.empty() : OptionalLong.of(minutes), types, regions);
        }
    }
}
