package com.chargeline.usage.aggregate;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Adds a batch's totals to the rollup tables: one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE}
 * per table, every key column and total an array with one element per key (all arrays the same length, keys
 * in the caller's order).
 */
@UseClasspathSqlLocator
public interface RollupRepository {

    /** Adds to {@code usage_hourly}; {@code hours} are epoch seconds of whole UTC hours, charges decimal text. */
    @SqlUpdate
    void addHourly(@Bind("account") UUID account, @Bind("hours") long[] hours, @Bind("kinds") String[] kinds,
                   @Bind("callTypes") String[] callTypes, @Bind("billingAccounts") String[] billingAccounts,
                   @Bind("currencies") String[] currencies, @Bind("charged") boolean[] charged,
                   @Bind("records") long[] records, @Bind("seconds") long[] billedSeconds,
                   @Bind("charges") String[] charges);

    /** Adds to {@code usage_monthly}; {@code months} are first days of the account's months (ISO dates). */
    @SqlUpdate
    void addMonthly(@Bind("account") UUID account, @Bind("months") String[] months, @Bind("kinds") String[] kinds,
                    @Bind("callTypes") String[] callTypes, @Bind("billingAccounts") String[] billingAccounts,
                    @Bind("costCenters") String[] costCenters, @Bind("departments") String[] departments,
                    @Bind("currencies") String[] currencies, @Bind("charged") boolean[] charged,
                    @Bind("records") long[] records, @Bind("seconds") long[] billedSeconds,
                    @Bind("charges") String[] charges);

    /** Adds to {@code usage_lines_monthly}: what invoice usage lines are made of, by the account's month. */
    @SqlUpdate
    void addLines(@Bind("account") UUID account, @Bind("months") String[] months, @Bind("kinds") String[] kinds,
                  @Bind("callTypes") String[] callTypes, @Bind("countries") String[] destinationCountries,
                  @Bind("directions") String[] directions, @Bind("messageTypes") String[] messageTypes,
                  @Bind("currencies") String[] currencies, @Bind("charged") boolean[] charged,
                  @Bind("results") String[] results, @Bind("records") long[] records,
                  @Bind("seconds") long[] billedSeconds, @Bind("segments") long[] segments,
                  @Bind("charges") String[] charges);

    /** Adds to {@code usage_days}: the usage summary's totals by the account's day, usage type and country. */
    @SqlUpdate
    void addDays(@Bind("account") UUID account, @Bind("days") String[] days, @Bind("kinds") String[] kinds,
                 @Bind("usageTypes") String[] usageTypes, @Bind("countries") String[] destinationCountries,
                 @Bind("currencies") String[] currencies, @Bind("records") long[] records,
                 @Bind("seconds") long[] billedSeconds, @Bind("segments") long[] segments,
                 @Bind("charges") String[] charges);

    /** Adds to {@code usage_account_days}: the dashboard's totals by the account's day, kind and currency. */
    @SqlUpdate
    void addAccountDays(@Bind("account") UUID account, @Bind("days") String[] days, @Bind("kinds") String[] kinds,
                        @Bind("currencies") String[] currencies, @Bind("records") long[] records,
                        @Bind("seconds") long[] billedSeconds, @Bind("segments") long[] segments,
                        @Bind("charges") String[] charges);

    /** Adds to {@code usage_party_days}: the usage summary's totals by the account's day and the people charged. */
    @SqlUpdate
    void addPartyDays(@Bind("account") UUID account, @Bind("days") String[] days, @Bind("kinds") String[] kinds,
                      @Bind("users") String[] users, @Bind("costCenters") String[] costCenters,
                      @Bind("departments") String[] departments, @Bind("billingAccounts") String[] billingAccounts,
                      @Bind("currencies") String[] currencies, @Bind("records") long[] records,
                      @Bind("seconds") long[] billedSeconds, @Bind("segments") long[] segments,
                      @Bind("charges") String[] charges);
}
