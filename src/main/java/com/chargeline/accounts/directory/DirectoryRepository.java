package com.chargeline.accounts.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users, numbers and billing accounts of an account's phone directory. */
@UseClasspathSqlLocator
public interface DirectoryRepository {
    /** Holds the account's directory lock until the transaction ends. */
    @SqlQuery
    String lock(@Bind("accountId") UUID accountId);

    @SqlQuery
    List<String> callingPlanNames(@Bind("accountId") UUID accountId);


    /** A phone_user row. */
    record UserRow(UUID userId, String email, String name, String extensionNumber, String employeeId, String department,
                   String costCenter, String callingPlan, String billingAccountId) {
    }

    /** A phone_number row. */
    record NumberRow(String number, UUID userId, String billingAccountId) {
    }

    /** A billing_account row. */
    record BillingAccountRow(String billingAccountId, String name) {
    }

    @SqlUpdate
    void upsertUser(@Bind("accountId") UUID accountId, @Bind("userId") UUID userId, @Bind("email") String email,
                    @Bind("name") String name, @Bind("extensionNumber") String extensionNumber,
                    @Bind("employeeId") String employeeId, @Bind("department") String department,
                    @Bind("costCenter") String costCenter, @Bind("callingPlan") String callingPlan,
                    @Bind("billingAccountId") String billingAccountId, @Bind("at") Instant at);

    @SqlQuery
    UUID userIdByEmail(@Bind("accountId") UUID accountId, @Bind("email") String email);

    /** Clears the extensions of the account's users with these e-mails (before they are written again). */
    @SqlUpdate
    int releaseExtensions(@Bind("accountId") UUID accountId, @Bind("emails") List<String> emails);

    /** The user holding an extension of the account, if any. */
    record ExtensionHolder(UUID userId, String email) {
    }

    @SqlQuery
    @RegisterConstructorMapper(ExtensionHolder.class)
    Optional<ExtensionHolder> extensionHolder(@Bind("accountId") UUID accountId, @Bind("extension") String extension);

    @SqlUpdate
    void upsertNumber(@Bind("accountId") UUID accountId, @Bind("number") String number, @Bind("userId") UUID userId,
                      @Bind("billingAccountId") String billingAccountId);

    @SqlQuery
    UUID numberOwner(@Bind("number") String number);

    /** The number enters the account's directory at {@code at} (or continues the holding it left this month). */
    @SqlUpdate
    void startHolding(@Bind("accountId") UUID accountId, @Bind("number") String number, @Bind("at") Instant at);

    /** Recounts the months the account's phone numbers were held in, from its holdings. */
    @SqlQuery
    String rebuildNumberMonths(@Bind("accountId") UUID accountId);

    /** The account gives the number up at {@code at}; empty when the account does not hold it. */
    @SqlQuery
    Optional<String> releaseNumber(@Bind("accountId") UUID accountId, @Bind("number") String number,
                                   @Bind("at") Instant at);

    @SqlUpdate
    void upsertBillingAccount(@Bind("accountId") UUID accountId, @Bind("billingAccountId") String billingAccountId,
                              @Bind("name") String name);

    @SqlQuery
    @RegisterConstructorMapper(UserRow.class)
    List<UserRow> users(@Bind("accountId") UUID accountId);

    @SqlQuery
    @RegisterConstructorMapper(NumberRow.class)
    List<NumberRow> numbers(@Bind("accountId") UUID accountId);

    @SqlQuery
    @RegisterConstructorMapper(BillingAccountRow.class)
    List<BillingAccountRow> billingAccounts(@Bind("accountId") UUID accountId);
}
