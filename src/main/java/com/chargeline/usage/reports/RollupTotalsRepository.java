package com.chargeline.usage.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the rollup tables for the dashboard ({@link RollupTotals}); never a scan of the records. */
@UseClasspathSqlLocator
interface RollupTotalsRepository {
    /** Totals of one account over one period (a month or a day). */
    record PeriodRow(UUID accountId, LocalDate period, String currency, long calls, long billedSeconds, long messages,
                     long segments, BigDecimal charge) {
    }

    /** Totals of one value of a dimension. */
    record SplitRow(String label, String currency, long records, long billedSeconds, long segments, BigDecimal charge) {
    }

    @SqlQuery("months")
    @RegisterConstructorMapper(value = PeriodRow.class)
    List<PeriodRow> months(@Bind("accounts") UUID[] accounts, @Bind("months") LocalDate[] months);

    @SqlQuery("days")
    @RegisterConstructorMapper(value = PeriodRow.class)
    List<PeriodRow> days(@Bind("accounts") UUID[] accounts, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** {@code dimension} is one of {@link RollupTotals.Split}'s fixed SQL expressions, never input. */
    @SqlQuery("lines")
    @RegisterConstructorMapper(SplitRow.class)
    List<SplitRow> lines(@Bind("account") UUID account, @Bind("month") LocalDate month, @Bind("kind") String kind,
                         @Define("dimension") String dimension, @Bind("limit") int limit);

    /** {@code dimension} is one of {@link RollupTotals.Split}'s fixed SQL expressions, never input. */
    @SqlQuery("reporting")
    @RegisterConstructorMapper(SplitRow.class)
    List<SplitRow> reporting(@Bind("account") UUID account, @Bind("month") LocalDate month,
                             @Define("dimension") String dimension, @Bind("limit") int limit);
}
