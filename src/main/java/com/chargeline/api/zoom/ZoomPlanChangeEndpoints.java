package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.subscriptions.AddAddons;
import com.chargeline.subscriptions.CancelAddon;
import com.chargeline.subscriptions.CancelBasePlan;
import com.chargeline.subscriptions.ChangeAddon;
import com.chargeline.subscriptions.ChangeBasePlan;
import com.chargeline.subscriptions.PlanRequest;
import com.chargeline.subscriptions.PlanRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Zoom Billing B8–B12: add-ons bought, changed and cancelled; the base plan changed and cancelled. */
public final class ZoomPlanChangeEndpoints implements EndpointGroup {
    /** Where the phone / contact-center / node body shapes put each line (B8 shapes 2–4). */
    private static final Map<String, String> DETAIL_GROUPS = Map.ofEntries(
            Map.entry("plan_details.plan_base", "plan_phone.plan_base"),
            Map.entry("plan_details.plan_calling", "plan_phone.plan_calling"),
            Map.entry("plan_details.plan_calling_addons", "plan_phone.plan_calling"),
            Map.entry("plan_details.plan_number", "plan_phone.plan_number"),
            Map.entry("plan_zcc_details.plan_package_list", "plan_zcc.plan_package_lists"),
            Map.entry("plan_zcc_details.plan_ai_expert_assist", "plan_zcc.plan_ai_expert_assist"),
            Map.entry("plan_zcc_details.plan_usage", "plan_zcc.plan_usage"),
            Map.entry("plan_zcc_details.plan_recording", "plan_zcc.plan_recording"),
            Map.entry("plan_zcc_details.plan_phone_number", "plan_zcc.plan_phone_number"));
    private static final Set<String> ARRAYS_201 = Set.of("plan_large_meeting", "plan_webinar", "plan_zoom_events",
            "plan_zoom_one", "plan_phone.plan_calling", "plan_phone.plan_number", "plan_zcc.plan_phone_number",
            "plan_zcc.plan_usage");
    /** Where the 201 body (Zoom's add-on response schema) puts a group, when it differs from the plan objects. */
    private static final Map<String, String> GROUPS_201 = Map.of("plan_zcc.plan_package_lists", "plan_zcc.plan_package",
            "plan_zcc.plan_ai_expert_assist", "", "plan_zcc.plan_recording", "", "plan_znode.plan_tchybrid", "");
    /** Groups whose 201 entry has no {@code hosts}. */
    private static final Set<String> NO_HOSTS_201 = Set.of("plan_phone.plan_base", "plan_audio", "plan_zcc.plan_package");
    private static final Set<String> SHOWN_201 = Set.of("plan_audio", "plan_large_meeting", "plan_phone", "plan_zcc",
            "plan_recording", "plan_room_connector", "plan_webinar", "plan_zoom_events", "plan_zoom_rooms", "plan_sdk_cmr",
            "plan_whiteboard", "plan_whiteboard_plus", "plan_zoom_iq", "plan_zoom_one", "plan_zwr", "plan_ztransl",
            "plan_zsched", "plan_znode", "plan_mesh", "plan_workforce_management");
    private final AccountAccess access;
    private final UseCases changes;
    private final PlanRules rules;
    private final ObjectMapper mapper;

    /** The use cases behind B8–B12. */
    public record UseCases(AddAddons addAddons, ChangeAddon changeAddon, CancelAddon cancelAddon,
                           ChangeBasePlan changeBasePlan, CancelBasePlan cancelBasePlan) {
    }

    public ZoomPlanChangeEndpoints(AccountAccess access, UseCases changes, PlanRules rules, ObjectMapper mapper) {
        this.access = access;
        this.changes = changes;
        this.rules = rules;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        post("/v2/accounts/{accountId}/plans/addons", this::addAddons);
        put("/v2/accounts/{accountId}/plans/addons", this::updateAddon);
        patch("/v2/accounts/{accountId}/plans/addons/status", this::cancelAddon);
        put("/v2/accounts/{accountId}/plans/base", this::updateBase);
        patch("/v2/accounts/{accountId}/plans/base/status", this::cancelBase);
    }

    private void addAddons(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.ADD_ADDONS);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This subaccount is on self pay mode.");
        var body = JsonBody.of(ctx, mapper);
        var root = body.root();
        var lines = new ArrayList<PlanRequest.Line>();
        for (var details : List.of("plan_details", "plan_zcc_details", "plan_znode_details")) {
            root.path(details).properties().forEach(e -> {
                var path = details + "." + e.getKey();
                collect(body, path, path, e.getValue(), lines);
            });
        }
        if (lines.isEmpty()) {
            if (!root.path("type").isTextual()) {
                body.reject("type", "Required: the add-on plan type.");
            }
            var hosts = body.integer("hosts");
            lines.add(new PlanRequest.Line("", root.path("type").asText(), hosts == null ? 0 : hosts));
        }
        var start = ZoomPlanEndpoints.paidPeriodStart(body, root, "");
        body.check();
        changes.addAddons().add(account, caller.clientId(), lines, start);
        ctx.status(201).json(added(lines));
    }

    private void updateAddon(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.UPDATE_ADDON);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This sub account is on self pay mode.");
        var body = JsonBody.of(ctx, mapper);
        var root = body.root();
        if (!root.path("type").isTextual()) {
            body.reject("type", "Required: the add-on plan type.");
        }
        var hosts = body.integer("hosts");
        if (hosts == null && !body.has("hosts")) {
            body.reject("hosts", "Required: a whole number.");
        }
        var start = ZoomPlanEndpoints.paidPeriodStart(body, root, "");
        body.check();
        changes.changeAddon().change(account, caller.clientId(), root.get("type").asText(), hosts, start);
        ctx.status(200);
    }

    private void cancelAddon(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.CANCEL_ADDON);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This sub account is on self-pay mode.");
        var body = JsonBody.of(ctx, mapper);
        var reason = reason(body, false);
        if (!body.root().path("type").isTextual()) {
            body.reject("type", "Required: the add-on plan type.");
        }
        body.check();
        changes.cancelAddon().cancel(account, caller.clientId(), body.root().get("type").asText(), reason);
        ctx.status(200);
    }

    private void updateBase(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.UPDATE_BASE);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This subaccount is on self pay mode.");
        var body = JsonBody.of(ctx, mapper);
        var root = body.root();
        if (!root.path("type").isTextual()) {
            body.reject("type", "Required: the base plan type.");
        }
        var hosts = body.integer("hosts");
        var increasingHosts = body.integer("increasing_hosts");
        body.integer("active_hosts"); // Zoom's field, not used by Chargeline's plan model; still a whole number
        var start = ZoomPlanEndpoints.paidPeriodStart(body, root, "");
        body.check();
        changes.changeBasePlan().change(account, caller.clientId(), root.get("type").asText(), hosts,
                increasingHosts, start);
        ctx.status(204);
    }

    private void cancelBase(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.CANCEL_BASE);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This sub account is paid by self.");
        var body = JsonBody.of(ctx, mapper);
        var reason = reason(body, true);
        body.check();
        changes.cancelBasePlan().cancel(account, caller.clientId(), reason);
        ctx.status(200);
    }

    /** {@code action} (must be "cancel"; required when {@code required}), {@code reason} 1–6 and a string {@code comment}. */
    private static Integer reason(JsonBody body, boolean required) {
        body.string("comment");
        var root = body.root();
        var action = root.path("action");
        if ((required || !action.isMissingNode()) && !"cancel".equals(action.asText(null))) {
            body.reject("action", "Must be \"cancel\".");
        }
        if (!root.has("reason") || root.get("reason").isNull()) {
            return null;
        }
        int reason = root.get("reason").isIntegralNumber() ? root.get("reason").asInt(0) : 0;
        if (!root.get("reason").canConvertToInt() || reason < 1 || reason > 6) {
            body.reject("reason", "Must be 1 to 6.");
        }
        return reason;
    }

    /** The lines given at {@code path} of a details object, found at {@code at} in the body (with indexes, for errors). */
    private static void collect(JsonBody body, String path, String at, JsonNode value, List<PlanRequest.Line> lines) {
        var group = DETAIL_GROUPS.getOrDefault(path, path.replace("plan_znode_details.", "plan_znode."));
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(body, path, at + "[" + i + "]", value.get(i), lines);
            }
        } else if (value.isObject() && value.path("type").isTextual()) {
            var hosts = body.integer(value, "hosts", path + ".hosts");
            lines.add(new PlanRequest.Line(group, value.get("type").asText(), hosts == null ? 0 : hosts, at + ".type"));
        }
    }

    /** The 201 body: the lines added, as Zoom's plan object ({@code type} and {@code hosts}). */
    private ObjectNode added(List<PlanRequest.Line> lines) {
        var root = mapper.createObjectNode();
        for (var line : lines) {
            var catalogGroup = line.group().isEmpty() ? rules.groupOf(line.type()) : line.group();
            var group = GROUPS_201.getOrDefault(catalogGroup, catalogGroup);
            var path = group.split("\\.");
            if (group.isEmpty() || !SHOWN_201.contains(path[0])) {
                continue;
            }
            if (group.equals("plan_recording")) {
                root.put("plan_recording", line.type());
                continue;
            }
            var leaf = ZoomPlanObjects.leaf(root, group, ARRAYS_201.contains(group));
            leaf.put("type", line.type());
            if (line.hosts() > 0 && !NO_HOSTS_201.contains(group)) {
                leaf.put("hosts", line.hosts());
            }
        }
        return root;
    }
}
