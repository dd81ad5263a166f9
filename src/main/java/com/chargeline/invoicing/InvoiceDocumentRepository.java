package com.chargeline.invoicing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Posted invoices' PDFs: written once, in the posting transaction; the migration's trigger refuses any change. */
@UseClasspathSqlLocator
interface InvoiceDocumentRepository {

    @SqlUpdate
    void insert(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId, @Bind("pdf") byte[] pdf,
                @Bind("sha256") String sha256, @Bind("createdAt") Instant createdAt);

    /** For an invoice posted before documents were stored: keeps the first PDF written, whoever writes it. */
    @SqlUpdate
    void insertIfAbsent(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId, @Bind("pdf") byte[] pdf,
                        @Bind("sha256") String sha256, @Bind("createdAt") Instant createdAt);

    @SqlQuery
    Optional<byte[]> find(@Bind("accountId") UUID accountId, @Bind("invoiceId") String invoiceId);
}
