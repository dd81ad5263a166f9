package com.chargeline.invoicing;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The automatic invoicing's claim (an advisory lock of the session) and the Drafts it posts. */
@UseClasspathSqlLocator
interface InvoiceScheduleRepository {
    @SqlQuery
    boolean tryClaim(@Bind("key") long key);

    /** Waits for the claim. */
    @SqlQuery
    String claim(@Bind("key") long key);

    @SqlQuery
    boolean release(@Bind("key") long key);

    @SqlQuery
    @RegisterConstructorMapper(InvoiceSchedule.DraftRef.class)
    List<InvoiceSchedule.DraftRef> draftsToPost(@Bind("createdBy") Instant createdBy);
}
