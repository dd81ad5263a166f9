package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.UpdateTimeZone;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/**
 * An account's settings under {@code /api/v1/accounts/{accountId}/settings}: its time zone (the calendar of its
 * usage months and invoice periods), country and currency. Only the time zone can be changed, and only before
 * the account's first usage.
 */
public final class NativeAccountSettingsEndpoints implements EndpointGroup {
    static final Operation MANAGE_SETTINGS = Operation.of("manageAccountSettings", RateLimit.nativeApi(Label.MEDIUM), "chargeline:admin");

    private final AccountAccess access;
    private final AccountQueries accounts;
    private final UpdateTimeZone updateTimeZone;
    private final ObjectMapper mapper;

    public NativeAccountSettingsEndpoints(AccountAccess access, AccountQueries accounts, UpdateTimeZone updateTimeZone,
                                          ObjectMapper mapper) {
        this.access = access;
        this.accounts = accounts;
        this.updateTimeZone = updateTimeZone;
        this.mapper = mapper;
    }

    /** The settings as shown. */
    record Settings(String timeZone, String country, String currency) {
        static Settings of(Account account) {
            var p = account.profile();
            return new Settings(p.timeZone().getId(), p.country().value(), p.currency().getCurrencyCode());
        }
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/accounts/{accountId}/settings", this::show);
        patch("/api/v1/accounts/{accountId}/settings", this::update);
    }

    private Account account(Context ctx) {
        var caller = BearerAuth.caller(ctx, MANAGE_SETTINGS);
        return access.resolve(caller.accountId(), ctx.pathParam("accountId"));
    }

    private void show(Context ctx) {
        ctx.json(Settings.of(accounts.find(account(ctx).id()).orElseThrow()));
    }

    private void update(Context ctx) {
        var account = account(ctx);
        var body = JsonBody.closed(ctx, mapper, Set.of("time_zone"), Set.of());
        var zone = body.requiredString("time_zone");
        body.check();
        updateTimeZone.update(account.id(), zone);
        ctx.json(Settings.of(accounts.find(account.id()).orElseThrow()));
    }
}
