package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.subscriptions.PlanReports;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoom Billing B13 {@code GET /v2/accounts/{accountId}/plans/usage} and B14
 * {@code GET /v2/accounts/billing/renewals}. Recording storage is not metered yet: a recording
 * plan shows its size ({@code plan_storage}, from the plan) and zero use.
 */
public final class ZoomPlanUsageEndpoints implements EndpointGroup {
    private static final Set<String> USAGE_ARRAYS = Set.of("plan_large_meeting", "plan_webinar", "plan_zoom_events",
            "plan_zoom_one", "plan_room_connector", "plan_zwr", "plan_zva", "plan_zoom_one_premier",
            "plan_zoom_one_edu_school_campus_plus", "plan_zoom_one_edu_premier");
    private static final Set<String> USAGE_OBJECTS = Set.of("plan_base", "plan_zoom_rooms", "plan_whiteboard",
            "plan_whiteboard_plus", "plan_zoom_iq", "plan_ztransl", "plan_znode_base", "plan_zphybrid", "plan_zsched",
            "plan_zmhybrid", "plan_mchybrid", "plan_rchybrid", "plan_cmrhybrid", "plan_tchybrid", "plan_workforce_management",
            "plan_zoom_one_edu_student", "plan_visitor_management", "plan_partner_premier_support", "plan_zoom_clips_plus");
    private static final Pattern STORAGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(GB|TB)", Pattern.CASE_INSENSITIVE);
    private static final String BAD_PARAMETER = "Invalid parameter: interval/page_size.";
    private final AccountAccess access;
    private final PlanReports reports;
    private final ZoomPaging paging;
    private final ObjectMapper mapper;

    public ZoomPlanUsageEndpoints(AccountAccess access, PlanReports reports, ZoomPaging paging, ObjectMapper mapper) {
        this.access = access;
        this.reports = reports;
        this.paging = paging;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        get("/v2/accounts/{accountId}/plans/usage", this::usage);
        get("/v2/accounts/billing/renewals", this::renewals);
    }

    private void usage(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.PLAN_USAGE);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        var root = mapper.createObjectNode();
        for (var u : reports.usage(account)) {
            var group = u.line().group().replace("plan_znode.", "");
            if (group.equals("plan_recording")) {
                var m = STORAGE.matcher(u.plan().name());
                var recording = root.putObject("plan_recording");
                recording.put("type", u.line().type());
                recording.put("plan_storage", m.find() ? m.group(1) + " " + m.group(2).toUpperCase(java.util.Locale.ROOT) : "0 GB");
                recording.put("plan_storage_usage", "0 GB");
                recording.put("plan_storage_exceed", "0");
                recording.put("free_storage", "0 GB");
                recording.put("free_storage_usage", "0 GB");
                continue;
            }
            ObjectNode leaf;
            if (USAGE_ARRAYS.contains(group)) {
                leaf = (root.has(group) ? root.withArray(group) : root.putArray(group)).addObject();
            } else if (USAGE_OBJECTS.contains(group)) {
                leaf = root.putObject(group);
            } else {
                continue;
            }
            leaf.put("type", u.line().type());
            leaf.put("hosts", u.line().hosts());
            leaf.put("usage", u.usage());
            if (!group.equals("plan_zoom_rooms") && !group.equals("plan_room_connector")) {
                leaf.put("pending", u.pending());
            }
        }
        ctx.json(root);
    }

    private void renewals(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.RENEWALS);
        var master = access.requireMaster(caller.accountId());
        int interval = param(ctx, "interval", 30);
        int pageSize = param(ctx, "page_size", 30);
        if (!Set.of(30, 60, 90).contains(interval) || pageSize < 1 || pageSize > 50) {
            throw new Invalid(ErrorCode.PLAN_REJECTED, BAD_PARAMETER);
        }
        var bound = "renewals|" + master.id().wire() + "|" + interval + "|" + pageSize;
        long after = paging.cursor(ctx, bound).map(Long::parseLong).orElse(0L);
        var all = reports.renewals(master.id(), interval);
        var page = all.stream().filter(r -> r.accountNumber() > after).limit(pageSize + 1L).toList();
        var shown = page.size() > pageSize ? page.subList(0, pageSize) : page;
        var root = mapper.createObjectNode();
        root.put("interval", interval);
        root.put("page_size", pageSize);
        root.put("total_records", all.size());
        if (page.size() > pageSize) {
            // Zoom's schema has no next_page_token here although the request takes one; a client needs it to page.
            root.put("next_page_token", paging.next(bound, Long.toString(shown.getLast().accountNumber())));
        }
        var results = root.putArray("results");
        for (var r : shown) {
            var item = results.addObject();
            item.put("account_id", r.account().wire());
            item.put("account_number", Long.toString(r.accountNumber()));
            item.put("account_name", r.accountName());
            item.put("email", r.email());
            item.put("total_renewal_amount", r.totalRounded());
            item.put("next_renewal_date", r.nextRenewalDate().toString());
            item.put("auto_renew", r.autoRenew());
            var subs = item.putArray("renewable_subscriptions");
            for (var s : r.items()) {
                var sub = subs.addObject();
                sub.put("plan_name", s.planName());
                sub.put("quantity", s.quantity());
                sub.put("billing_cycle", s.cycle().wire());
                sub.put("service_effective_date", s.serviceEffectiveDate().toString());
                sub.put("next_invoice_date", s.nextInvoiceDate().toString());
                sub.put("next_invoice_amount", s.amount().amount());
            }
        }
        ctx.json(root);
    }

    private static int param(Context ctx, String name, int defaultValue) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(ErrorCode.PLAN_REJECTED, BAD_PARAMETER);
        }
    }
}
