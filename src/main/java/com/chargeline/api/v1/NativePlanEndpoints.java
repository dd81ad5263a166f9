package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.zoom.ZoomPaging;
import com.chargeline.subscriptions.ManagePlans;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/accounts/{accountId}/plan_audit}: every change to an account's plans, newest first. */
public final class NativePlanEndpoints implements EndpointGroup {
    static final Operation READ_PLAN_AUDIT = Operation.of("readPlanAudit", "billing:master", "chargeline:admin");
    private final AccountAccess access;
    private final ManagePlans plans;
    private final ObjectMapper mapper;

    public NativePlanEndpoints(AccountAccess access, ManagePlans plans, ObjectMapper mapper) {
        this.access = access;
        this.plans = plans;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/accounts/{accountId}/plan_audit", this::audit);
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
