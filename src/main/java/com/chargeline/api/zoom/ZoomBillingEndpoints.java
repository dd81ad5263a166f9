package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.UpdateBillingContact;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.subscriptions.PlanQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** Zoom Billing (master) API: the billing contact of an account (GET, PATCH). */
public final class ZoomBillingEndpoints implements EndpointGroup {
    private final AccountAccess access;
    private final AccountQueries queries;
    private final UpdateBillingContact updateContact;
    private final ObjectMapper mapper;
    private final PlanQueries plans;

    public ZoomBillingEndpoints(AccountAccess access, AccountQueries queries, UpdateBillingContact updateContact,
                                ObjectMapper mapper, PlanQueries plans) {
        this.access = access;
        this.queries = queries;
        this.updateContact = updateContact;
        this.mapper = mapper;
        this.plans = plans;
    }

    @Override
    public void addEndpoints() {
        get("/v2/accounts/{accountId}/billing", this::read);
        patch("/v2/accounts/{accountId}/billing", this::update);
    }

    private void read(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.GET_BILLING);
        // The spec's two spellings: "subaccount" here, "sub account" in the PATCH.
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This subaccount is on self pay mode.");
        ctx.json(ZoomDtos.BillingContactResponse.from(queries.billingContact(account.id())));
    }

    private void update(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.UPDATE_BILLING);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This sub account is on self pay mode.");
        var body = JsonBody.of(ctx, mapper);
        var change = new BillingContact(
                new BillingContact.Person(body.string("first_name"), body.string("last_name"), body.string("email"),
                        body.string("phone_number")),
                new BillingContact.Address(body.string("address"), body.string("apt"), body.string("city"),
                        body.string("state"), body.string("zip"), body.string("country")),
                null);
        body.check();
        if (!account.id().equals(caller.accountId()) && !plans.hasPlan(account)) {
            throw new Invalid(ErrorCode.PLAN_STATE, "Please subscribe a plan for this sub account first.");
        }
        updateContact.update(account.id(), change);
        ctx.status(200);
    }
}
