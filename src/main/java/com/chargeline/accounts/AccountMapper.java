package com.chargeline.accounts;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.money.Currencies;
import com.chargeline.common.time.Zones;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the column list shared by the account queries to {@link Account}. */
public final class AccountMapper implements RowMapper<Account> {
    @Override
    public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        var master = rs.getObject("master_account_id", UUID.class);
        return new Account(
                new AccountId(rs.getObject("account_id", UUID.class)),
                AccountKind.fromDb(rs.getString("kind")),
                master == null ? null : new AccountId(master),
                rs.getLong("account_number"),
                new Account.Profile(rs.getString("account_name"), rs.getString("account_type"), rs.getInt("seats"),
                        CountryCode.stored(rs.getString("country")), Zones.stored(rs.getString("time_zone")),
                        currency(rs.getString("currency"))),
                new Account.Owner(rs.getObject("owner_id", UUID.class), rs.getString("owner_email"),
                        rs.getString("owner_first_name"), rs.getString("owner_last_name")),
                new AccountOptions(PayMode.parse(rs.getString("pay_mode")).orElseThrow(),
                        rs.getBoolean("billing_auto_renew"), rs.getString("connector_options")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Currency currency(String stored) {
        return Currencies.parse(stored).orElseThrow(() ->
                new IllegalStateException("stored currency '" + stored + "' is not one Chargeline bills in"));
    }
}
