package com.chargeline.invoicing.reports;

import com.chargeline.common.id.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Invoice reports. Every statement names the master, except the workers' queue ({@code claimNext}) and the purge of
 * expired reports, which serve every master by design.
 */
@UseClasspathSqlLocator
interface InvoiceReportRepository {

    @SqlQuery
    @RegisterConstructorMapper(ReportRow.class)
    ReportRow insert(@Bind("masterAccountId") UUID masterAccountId, @Bind("startDate") LocalDate startDate,
                     @Bind("endDate") LocalDate endDate, @Bind("accountIds") UUID[] accountIds,
                     @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt);

    /** The master's report, unless it has expired at {@code now}. */
    @SqlQuery
    @RegisterConstructorMapper(ReportRow.class)
    Optional<ReportRow> find(@Bind("masterAccountId") UUID masterAccountId, @Bind("reportNo") long reportNo,
                             @Bind("now") Instant now);

    /** Up to {@code limit} of the master's unexpired, not failed reports numbered below {@code before}, newest first. */
    @SqlQuery
    @RegisterConstructorMapper(ReportRow.class)
    List<ReportRow> page(@Bind("masterAccountId") UUID masterAccountId, @Bind("before") long before,
                         @Bind("now") Instant now, @Bind("limit") int limit);

    /** The CSV of the master's Completed, unexpired report. */
    @SqlQuery
    Optional<String> csv(@Bind("masterAccountId") UUID masterAccountId, @Bind("reportNo") long reportNo,
                         @Bind("now") Instant now);

    @SqlUpdate
    int delete(@Bind("masterAccountId") UUID masterAccountId, @Bind("reportNo") long reportNo, @Bind("now") Instant now);

    /** The oldest Processing report no other transaction holds, row-locked until this transaction ends. */
    @SqlQuery
    @RegisterConstructorMapper(PendingRow.class)
    Optional<PendingRow> claimNext(@Bind("now") Instant now);

    @SqlUpdate
    int complete(@Bind("masterAccountId") UUID masterAccountId, @Bind("reportNo") long reportNo,
                 @Bind("csv") String csv, @Bind("finishedAt") Instant finishedAt);

    @SqlUpdate
    int fail(@Bind("masterAccountId") UUID masterAccountId, @Bind("reportNo") long reportNo,
             @Bind("failure") String failure, @Bind("finishedAt") Instant finishedAt);

    @SqlUpdate
    int purgeExpired(@Bind("now") Instant now);

    /** A report row as stored, without its CSV. */
    record ReportRow(UUID masterAccountId, long reportNo, LocalDate startDate, LocalDate endDate, int accountsTotal,
                     String status, Instant createdAt, Instant expiresAt) {
        InvoiceReport report() {
            return new InvoiceReport(new AccountId(masterAccountId), Long.toString(reportNo), startDate, endDate,
                    accountsTotal, InvoiceReportStatus.stored(status), createdAt, expiresAt);
        }
    }

    /** A claimed report: what a worker needs to write it. */
    record PendingRow(UUID masterAccountId, long reportNo, LocalDate startDate, LocalDate endDate, UUID[] accountIds) {
        List<AccountId> accounts() {
            return java.util.Arrays.stream(accountIds).map(AccountId::new).toList();
        }
    }
}
