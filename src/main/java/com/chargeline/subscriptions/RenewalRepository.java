package com.chargeline.subscriptions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads for the renewals report. */
@UseClasspathSqlLocator
public interface RenewalRepository {

    /** A renewing plan line with the account it belongs to (columns mapped by name). */
    record RenewingLine(UUID accountId, long accountNumber, String accountName, String ownerEmail, String timeZone,
                        String planType, int hosts, String billingCycle, LocalDate serviceEffectiveDate,
                        LocalDate paidPeriodStartDate) {
    }

    @SqlQuery
    @RegisterConstructorMapper(RenewingLine.class)
    List<RenewingLine> renewingLines(@Bind("masterId") UUID masterId);
}
