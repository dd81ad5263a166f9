package com.chargeline.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accounts table access; every query names the account (or the master whose tree it reads). */
@UseClasspathSqlLocator
@RegisterRowMapper(AccountMapper.class)
public interface AccountRepository {
    @SqlUpdate
    int updateTimeZone(@Bind("accountId") UUID accountId, @Bind("timeZone") String timeZone);

    @SqlQuery
    boolean hasRatedUsage(@Bind("accountId") UUID accountId);

    /** Recounts the months the account's phone numbers were held in, in its calendar. */
    @SqlQuery
    String rebuildNumberMonths(@Bind("accountId") UUID accountId);

    @SqlQuery
    Optional<UUID> findIdByOwnerEmail(@Bind("email") String email);


    @SqlUpdate
    void insert(@Bind("accountId") UUID accountId,
                @Bind("masterAccountId") UUID masterAccountId,
                @Bind("kind") String kind,
                @Bind("name") String name,
                @Bind("type") String type,
                @Bind("ownerId") UUID ownerId,
                @Bind("ownerEmail") String ownerEmail,
                @Bind("ownerFirstName") String ownerFirstName,
                @Bind("ownerLastName") String ownerLastName,
                @Bind("payMode") String payMode,
                @Bind("billingAutoRenew") boolean billingAutoRenew,
                @Bind("connectorOptions") String connectorOptions,
                @Bind("country") String country,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery
    Optional<Account> findById(@Bind("accountId") UUID accountId);

    /** Those of {@code accountIds} that are sub accounts of the master, by account number. */
    @SqlQuery
    List<Account> findSubAccounts(@Bind("masterAccountId") UUID masterAccountId, @Bind("accountIds") UUID[] accountIds);

    @SqlQuery
    boolean emailInUse(@Bind("email") String email);

    /** One keyset page of a master's sub accounts, by account number, after {@code afterNumber}. */
    @SqlQuery
    List<Account> listSubAccounts(@Bind("masterAccountId") UUID masterAccountId,
                                  @Bind("email") String email,
                                  @Bind("phoneDigits") String phoneDigits,
                                  @Bind("afterNumber") long afterNumber,
                                  @Bind("offset") long offset,
                                  @Bind("limit") int limit);

    @SqlQuery
    long countSubAccounts(@Bind("masterAccountId") UUID masterAccountId,
                          @Bind("email") String email,
                          @Bind("phoneDigits") String phoneDigits);

    @SqlUpdate
    int disassociate(@Bind("masterAccountId") UUID masterAccountId,
                     @Bind("accountId") UUID accountId,
                     @Bind("at") Instant at);

    @SqlUpdate
    int updateOptions(@Bind("accountId") UUID accountId,
                      @Bind("payMode") String payMode,
                      @Bind("billingAutoRenew") boolean billingAutoRenew,
                      @Bind("connectorOptions") String connectorOptions);
}
