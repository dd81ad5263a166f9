package com.chargeline.usage.ingest;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The id claims that make usage idempotent, when a plain COPY of the ids met one already claimed. */
@UseClasspathSqlLocator
interface UsageKeyRepository {
    /** Claims the call ids ({@code times}: their end times, ISO); returns the ones claimed now. */
    @SqlQuery
    List<String> claimCallIds(@Bind("accountId") UUID accountId, @Bind("ids") String[] ids, @Bind("times") String[] times);

    /** Claims the message ids ({@code times}: their sent times, ISO); returns the ones claimed now. */
    @SqlQuery
    List<String> claimMessageIds(@Bind("accountId") UUID accountId, @Bind("ids") String[] ids, @Bind("times") String[] times);
}
