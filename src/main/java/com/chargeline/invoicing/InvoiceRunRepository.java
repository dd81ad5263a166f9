package com.chargeline.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The reads of an invoice run, each for a chunk of accounts at once. */
@UseClasspathSqlLocator
interface InvoiceRunRepository {
    @SqlQuery
    List<UUID> candidates(@Bind("month") LocalDate month, @Bind("earliest") LocalDate earliest,
                          @Bind("horizon") LocalDate horizon, @Bind("only") UUID only);

    @SqlQuery
    @RegisterConstructorMapper(AccountFacts.class)
    List<AccountFacts> accounts(@Bind("ids") UUID[] ids);

    @SqlQuery
    @RegisterConstructorMapper(SubscriptionFacts.class)
    List<SubscriptionFacts> subscriptions(@Bind("ids") UUID[] ids, @Bind("earliest") LocalDate earliest,
                                          @Bind("horizon") LocalDate horizon);

    @SqlQuery
    @RegisterConstructorMapper(Discount.class)
    List<Discount> discounts(@Bind("ids") UUID[] ids);

    @SqlQuery
    @RegisterConstructorMapper(Charged.class)
    List<Charged> charged(@Bind("ids") UUID[] ids, @Bind("earliest") LocalDate earliest);

    @SqlQuery
    @RegisterConstructorMapper(UsageChange.class)
    List<UsageChange> usageChanges(@Bind("ids") UUID[] ids, @Bind("month") LocalDate month);

    /** An account as the run bills it; {@code payerId} issues its invoice. */
    record AccountFacts(UUID accountId, UUID masterAccountId, String timeZone, String currency, UUID payerId,
                        String payerCountry, String billToCountry, String billToState) {
    }

    /** A plan line with its hosts over time: {@code hostCounts[i]} from {@code hostDays[i]} on. */
    record SubscriptionFacts(UUID accountId, UUID subscriptionId, String planType, String billingCycle,
                             LocalDate serviceEffectiveDate, LocalDate paidPeriodStartDate, LocalDate cancelAt,
                             String purchaseOrderNumber, int hosts, LocalDate[] hostDays, Integer[] hostCounts) {
        /** A line without a hosts history (written around the trigger) has its current hosts since its start. */
        public SubscriptionFacts {
            if (hostDays == null || hostDays.length == 0) {
                hostDays = new LocalDate[] {serviceEffectiveDate};
                hostCounts = new Integer[] {hosts};
            }
        }
    }

    record Discount(UUID masterAccountId, BigDecimal percent) {
    }

    /** A plan or credit line an earlier invoice holds for a subscription. */
    record Charged(UUID accountId, UUID subscriptionId, String kind, LocalDate startDate, LocalDate endDate,
                   BigDecimal unitPrice, BigDecimal amount, String number) {
    }

    /** One row of {@code usageChanges.sql}: the counts are differences, {@code charge} exact, {@code billed} rounded. */
    record UsageChange(UUID accountId, LocalDate month, String usageKind, String direction, String usageType,
                       String country, String currency, long records, long billedSeconds, long segments,
                       BigDecimal charge, BigDecimal billed) {
    }
}
