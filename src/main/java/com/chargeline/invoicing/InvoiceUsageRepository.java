package com.chargeline.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the monthly usage totals an invoice bills. */
@UseClasspathSqlLocator
interface InvoiceUsageRepository {
    @SqlQuery
    @RegisterConstructorMapper(MonthTotal.class)
    List<MonthTotal> monthTotals(@Bind("accountId") UUID accountId, @Bind("month") LocalDate month);

    /** One row of {@code monthTotals.sql}. */
    record MonthTotal(UUID accountId, String kind, String callType, String destinationCountry, String direction, String messageType,
                      String currency, long records, long billedSeconds, long segments, BigDecimal totalCharge) {
    }
}
