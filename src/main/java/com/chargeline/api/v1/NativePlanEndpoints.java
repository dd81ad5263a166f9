package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;
import com.chargeline.api.zoom.ZoomPaging;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.subscriptions.SetPlanDiscount;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/accounts/{accountId}/plan_audit} (every change to an account's plans, newest
 * first) and {@code GET/PUT /api/v1/accounts/me/plan_discount} (the master's discount on list prices).
 */
public final class NativePlanEndpoints implements EndpointGroup {
    static final Operation READ_PLAN_AUDIT = Operation.of("readPlanAudit", RateLimit.nativeApi(Label.LIGHT), "billing:master", "chargeline:admin");
    static final Operation WRITE_DISCOUNT = Operation.of("writePlanDiscount", RateLimit.nativeApi(Label.MEDIUM), "billing:master", "chargeline:admin");
    private final AccountAccess access;
    private final PlanQueries plans;
    private final SetPlanDiscount setDiscount;
    private final ObjectMapper mapper;

    public NativePlanEndpoints(AccountAccess access, PlanQueries plans, SetPlanDiscount setDiscount, ObjectMapper mapper) {
        this.access = access;
        this.plans = plans;
        this.setDiscount = setDiscount;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/accounts/{accountId}/plan_audit", this::audit);
        get("/api/v1/accounts/{accountId}/plan_discount", this::discount);
        io.javalin.apibuilder.ApiBuilder.put("/api/v1/accounts/{accountId}/plan_discount", this::setDiscount);
    }

    /** A master's own discount: the path names the master itself ({@code me} or its id). */
    private com.chargeline.accounts.Account master(Context ctx, Operation operation) {
        var caller = BearerAuth.caller(ctx, operation);
        var master = access.requireMaster(caller.accountId());
        var target = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        if (!target.id().equals(master.id())) {
            throw new com.chargeline.common.error.Invalid(com.chargeline.common.error.ErrorCode.VALIDATION_FAILED,
                    "A discount belongs to a master account: use me or the master's own id.");
        }
        return master;
    }

    private void discount(Context ctx) {
        var master = master(ctx, READ_PLAN_AUDIT);
        ctx.json(java.util.Map.of("percent", plans.discount(master.id())));
    }

    private void setDiscount(Context ctx) {
        var master = master(ctx, WRITE_DISCOUNT);
        var body = com.chargeline.api.JsonBody.closed(ctx, mapper, java.util.Set.of("percent"), java.util.Set.of());
        var percent = body.root().path("percent");
        java.math.BigDecimal value = null;
        if (percent.isNumber() && Double.isFinite(percent.doubleValue())) {
            value = percent.decimalValue();
        } else {
            body.reject("percent", "Required: a number.");
        }
        body.check();
        setDiscount.set(master.id(), value);
        ctx.json(java.util.Map.of("percent", plans.discount(master.id())));
    }

    private void audit(Context ctx) {
        var caller = BearerAuth.caller(ctx, READ_PLAN_AUDIT);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        int limit = ZoomPaging.intParam(ctx, "limit", 100, 1000);
        var root = mapper.createObjectNode();
        var entries = root.putArray("entries");
        try {
            for (var e : plans.auditLog(account.id(), limit)) {
                var entry = entries.addObject();
                entry.put("at", e.at().toInstant().toString());
                entry.put("actor", e.actor());
                entry.put("action", e.action());
                entry.set("before", e.before() == null ? null : mapper.readTree(e.before()));
                entry.set("after", e.after() == null ? null : mapper.readTree(e.after()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.json(root);
    }
}
