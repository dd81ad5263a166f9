package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.Allowances;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Included-minute usage (allowance_usage) per plan holder and month. */
@UseClasspathSqlLocator
interface AllowanceRepository {
    /** Holds the account's allowance lock until the transaction ends. */
    @SqlQuery
    String lock(@Bind("accountId") UUID accountId);

    /** Usage in the months (ISO first days of the account's months). */
    @SqlQuery
    @RegisterConstructorMapper(Used.class)
    List<Used> used(@Bind("accountId") UUID accountId, @Bind("months") String[] months);

    /** Adds seconds to each holder's month, in the order given. */
    @SqlBatch("add")
    void add(@Bind("accountId") UUID accountId, @Bind("planId") List<UUID> planIds, @Bind("holder") List<String> holders,
             @Bind("month") List<LocalDate> months, @Bind("seconds") List<Long> seconds);

    @SqlUpdate
    int forget(@Bind("accountId") UUID accountId, @Bind("from") LocalDate from, @Bind("until") LocalDate until);

    /** One holder's month. */
    record Used(UUID planId, String holder, LocalDate month, long usedSeconds) {
        Allowances.Holder key() {
            return new Allowances.Holder(planId, holder, month.toString());
        }
    }
}
