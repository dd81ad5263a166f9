package com.chargeline.api.zoom;

import com.chargeline.subscriptions.Subscription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zoom's plan objects ({@code GET /accounts/{id}/plans}) assembled from plan lines: each group is an
 * object, an array of objects or (Cloud Recording) a string with sibling fields, with only the fields
 * the spec declares for it. Groups the spec's GET has no place for (SIP trunk, concurrent meeting,
 * virtual agents, recording connector, contact-center storage) are not shown there.
 */
final class ZoomPlanObjects {
    private static final Set<String> ARRAYS = Set.of("plan_large_meeting", "plan_phone.plan_calling",
            "plan_phone.plan_number", "plan_zcc.plan_phone_number", "plan_zcc.plan_package_lists", "plan_webinar",
            "plan_zoom_events", "plan_qss", "plan_zoom_sessions");
    /** Groups without {@code hosts} in the spec; {@code null} value: only {@code type}; "hosts": type and hosts only. */
    private static final Map<String, String> REDUCED = Map.of("plan_audio", "dates", "plan_phone.plan_base", "dates",
            "plan_zcc.plan_ai_expert_assist", "dates", "plan_partner_premier_support", "dates", "plan_zoom_iq", "hosts",
            "plan_ztransl", "hosts", "plan_sdk_cmr", "type");
    private static final Set<String> HIDDEN = Set.of("plan_sip_trunk", "plan_concurrent_meeting", "plan_zva", "plan_zrc",
            "plan_zcc.plan_recording");

    private ZoomPlanObjects() {
    }

    static ObjectNode of(List<Subscription> lines, LocalDate today, ObjectMapper mapper) {
        var root = mapper.createObjectNode();
        for (var line : lines) {
            var status = line.statusOn(today).wire();
            if (HIDDEN.contains(line.group()) || !line.activeOn(today) && !line.group().equals("plan_base")) {
                continue;
            }
            if (line.group().equals("plan_recording")) {
                root.put("plan_recording", line.type());
                root.put("plan_recording_next_invoice_date", line.nextInvoiceDate(today).toString());
                root.put("plan_recording_service_effective_date", line.serviceEffectiveDate().toString());
                root.put("plan_recording_status", status);
                continue;
            }
            fill(leaf(root, line.group(), ARRAYS.contains(line.group())), line, status, today);
        }
        return root;
    }

    /**
     * The object for one plan line at {@code group}'s place under {@code root} ({@code plan_phone.plan_calling}
     * is {@code root.plan_phone.plan_calling}), a new element when the group is an array.
     */
    static ObjectNode leaf(ObjectNode root, String group, boolean array) {
        var path = group.split("\\.");
        var parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
        }
        var name = path[path.length - 1];
        return array ? (parent.has(name) ? parent.withArray(name) : parent.putArray(name)).addObject() : parent.putObject(name);
    }

    private static void fill(ObjectNode leaf, Subscription line, String status, LocalDate today) {
        var reduced = REDUCED.get(line.group());
        leaf.put("type", line.type());
        if ("type".equals(reduced)) {
            return;
        }
        if (reduced == null || reduced.equals("hosts")) {
            leaf.put("hosts", line.hosts());
        }
        if ("hosts".equals(reduced)) {
            return;
        }
        leaf.put("next_invoice_date", line.nextInvoiceDate(today).toString());
        leaf.put("service_effective_date", line.serviceEffectiveDate().toString());
        leaf.put("status", status);
    }
}
