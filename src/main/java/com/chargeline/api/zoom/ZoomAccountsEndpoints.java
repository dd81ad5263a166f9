package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.CreateAccount;
import com.chargeline.accounts.DisassociateSubAccount;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.accounts.UpdateAccountOptions;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.error.Invalid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Zoom Accounts (master) API: list, create, read and disassociate sub accounts, update their options. */
public final class ZoomAccountsEndpoints implements EndpointGroup {
    private static final List<String> CONNECTOR_FLAGS = List.of("share_mc", "share_rc", "resource_share_mc",
            "resource_share_mh");
    private static final List<String> CONNECTOR_LISTS = List.of("meeting_connector_list", "room_connector_list",
            "resource_meeting_connector_list", "resource_meeting_hybrid_list");

    private final AccountAccess access;
    private final AccountQueries queries;
    private final CreateAccount createAccount;
    private final UpdateAccountOptions updateOptions;
    private final DisassociateSubAccount disassociate;
    private final ZoomPaging paging;
    private final ObjectMapper mapper;
    private final PlanQueries plans;

    public ZoomAccountsEndpoints(AccountAccess access, AccountQueries queries, CreateAccount createAccount,
                                 UpdateAccountOptions updateOptions, DisassociateSubAccount disassociate,
                                 ZoomPaging paging, ObjectMapper mapper, PlanQueries plans) {
        this.access = access;
        this.queries = queries;
        this.createAccount = createAccount;
        this.updateOptions = updateOptions;
        this.disassociate = disassociate;
        this.paging = paging;
        this.mapper = mapper;
        this.plans = plans;
    }

    @Override
    public void addEndpoints() {
        get("/v2/accounts", this::list);
        post("/v2/accounts", this::create);
        get("/v2/accounts/{accountId}", this::details);
        delete("/v2/accounts/{accountId}", this::disassociate);
        patch("/v2/accounts/{accountId}/options", this::updateOptions);
    }

    private void list(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.LIST_ACCOUNTS);
        var master = access.requireMaster(caller.accountId());
        ctx.json(new ZoomSubAccountList(queries, paging, plans).page(ctx, master));
    }

    private void create(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.CREATE_ACCOUNT);
        var master = access.requireMaster(caller.accountId());
        var body = JsonBody.of(ctx, mapper);
        var email = body.requiredString("email");
        var firstName = body.requiredString("first_name");
        var lastName = body.requiredString("last_name");
        var password = body.requiredString("password");
        var accountName = body.string("account_name");
        var transferCode = body.string("transfer_code");
        var subResellerId = body.string("sub_reseller_id");
        var optionsBody = body.object("options");
        var payMode = payMode(optionsBody);
        var autoRenew = optionsBody.bool("billing_auto_renew");
        var connectors = connectorOptions(optionsBody, mapper.createObjectNode());
        body.absorb("options", optionsBody);
        body.check();
        var request = new NewAccount(new Account.Owner(null, email, firstName, lastName), password, accountName,
                new AccountOptions(payMode == null ? PayMode.MASTER : payMode, Boolean.TRUE.equals(autoRenew),
                        toJson(connectors)),
                master.profile().country().value(), new NewAccount.Extras(transferCode, subResellerId));
        var created = createAccount.createSub(master.id(), request);
        ctx.status(201).json(ZoomDtos.AccountCreated.from(created));
    }

    private void details(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.GET_ACCOUNT);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        ctx.json(ZoomDtos.AccountDetails.from(account, plans.standings(List.of(account))
                .getOrDefault(account.id(), PlanQueries.Standing.stored(account)), optionsObject(account)));
    }

    private void disassociate(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.DELETE_ACCOUNT);
        var sub = access.resolveSubAccount(caller.accountId(), ctx.pathParam("accountId"));
        if (plans.hasPlan(sub)) {
            throw new NotFound(ErrorCode.PAID_ACCOUNT, "You cannot disassociate a paid account.", Map.of());
        }
        disassociate.disassociate(caller.accountId(), sub);
        ctx.status(204);
    }

    private void updateOptions(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.UPDATE_OPTIONS);
        var sub = access.resolveSubAccount(caller.accountId(), ctx.pathParam("accountId"));
        var body = JsonBody.of(ctx, mapper);
        var payMode = payMode(body);
        var autoRenew = body.bool("billing_auto_renew");
        var connectors = connectorOptions(body, readStored(sub));
        body.check();
        if (payMode != null && payMode != sub.options().payMode() && plans.hasPlan(sub)) {
            throw new Invalid(ErrorCode.PLAN_STATE,
                    "The pay mode cannot be updated for a sub account which already has an existing plan.");
        }
        boolean listsConnectors = CONNECTOR_LISTS.stream()
                .anyMatch(list -> body.has(list) && !body.root().get(list).isEmpty());
        updateOptions.update(sub, payMode, autoRenew, toJson(connectors), listsConnectors);
        ctx.status(204);
    }

    private static PayMode payMode(JsonBody body) {
        var raw = body.string("pay_mode");
        if (raw == null) {
            return null;
        }
        var mode = PayMode.parse(raw);
        if (mode.isEmpty()) {
            body.reject("pay_mode", "Must be one of: master, sub.");
        }
        return mode.orElse(null);
    }

    /** The connector flags and lists of {@code body} laid over {@code base}. */
    private static ObjectNode connectorOptions(JsonBody body, ObjectNode base) {
        for (var flag : CONNECTOR_FLAGS) {
            var value = body.bool(flag);
            if (value != null) {
                base.put(flag, value);
            }
        }
        for (var list : CONNECTOR_LISTS) {
            var values = body.strings(list, 999);
            if (values != null) {
                var array = base.putArray(list);
                values.forEach(array::add);
            }
        }
        return base;
    }

    private ObjectNode optionsObject(Account account) {
        var options = mapper.createObjectNode();
        options.put("billing_auto_renew", account.options().billingAutoRenew());
        options.put("pay_mode", account.options().payMode().wire());
        for (var flag : CONNECTOR_FLAGS) {
            options.put(flag, false);
        }
        options.setAll(readStored(account));
        return options;
    }

    private ObjectNode readStored(Account account) {
        try {
            return (ObjectNode) mapper.readTree(account.options().connectorOptionsJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored connector options are not JSON", e);
        }
    }

    private String toJson(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new Invalid(ErrorCode.MALFORMED_BODY, JsonBody.NOT_AN_OBJECT);
        }
    }
}
