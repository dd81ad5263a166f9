package com.chargeline.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The billing contact row of an account. */
@UseClasspathSqlLocator
@RegisterRowMapper(BillingContactRepository.Mapper.class)
public interface BillingContactRepository {

    @SqlQuery
    Optional<BillingContact> find(@Bind("accountId") UUID accountId);

    @SqlUpdate
    void upsert(@Bind("accountId") UUID accountId,
                @Bind("firstName") String firstName,
                @Bind("lastName") String lastName,
                @Bind("email") String email,
                @Bind("phoneNumber") String phoneNumber,
                @Bind("address") String address,
                @Bind("apt") String apt,
                @Bind("city") String city,
                @Bind("state") String state,
                @Bind("zip") String zip,
                @Bind("country") String country,
                @Bind("employeeCount") String employeeCount,
                @Bind("updatedAt") Instant updatedAt);

    default void save(UUID accountId, BillingContact contact, Instant at) {
        var p = contact.person();
        var a = contact.address();
        upsert(accountId, p.firstName(), p.lastName(), p.email(), p.phoneNumber(),
                a.address(), a.apt(), a.city(), a.state(), a.zip(), a.country(), contact.employeeCount(), at);
    }

    /** Maps a billing_contact row. */
    final class Mapper implements RowMapper<BillingContact> {
        @Override
        public BillingContact map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BillingContact(
                    new BillingContact.Person(rs.getString("first_name"), rs.getString("last_name"),
                            rs.getString("email"), rs.getString("phone_number")),
                    new BillingContact.Address(rs.getString("address"), rs.getString("apt"), rs.getString("city"),
                            rs.getString("state"), rs.getString("zip"), rs.getString("country")),
                    rs.getString("employee_count"));
        }
    }
}
