#!/usr/bin/env python3
"""Regenerates src/main/resources/plans/price-book.csv from Zoom's "Billing plans" reference page
(../shared/specs/zoom/docs-snapshot-2026-02-07/references_billing-plans.md): every plan type code
with its name, the group of the plan objects it belongs to (the JSON path under GET /accounts/{id}/plans),
whether it is bought as a base plan or an additional one, its billing cycle, and Chargeline's list
price per host per cycle (our own price book: a monthly price per plan family, times the months of the
cycle with a prepay discount). Run: python3 scripts/price-book.py > src/main/resources/plans/price-book.csv
"""
import csv
import re
import sys

DOC = "../shared/specs/zoom/docs-snapshot-2026-02-07/references_billing-plans.md"

# (heading regex, plan group path, monthly list price per host in USD)
SECTIONS = [
    (r"^Zoom Workspace Reservation", "plan_zwr", 5.00),
    (r"^Partner [Pp]remier", "plan_partner_premier_support", 10.00),
    (r"^Video SDK plans", "plan_base", 0.00),
    (r"^Zoom Workplace Pro", "plan_base", 15.99),
    (r"^Zoom Workplace Business Plus", "plan_base", 26.99),
    (r"^Zoom Workplace Business", "plan_base", 21.99),
    (r"^Zoom Workplace Enterprise", "plan_base", 32.99),
    (r"^Zoom Workplace for Education", "plan_base", 11.99),
    (r"^Education", "plan_base", 11.99),
    (r"^Zoom Room plans", "plan_zoom_rooms", 49.00),
    (r"^Quality of Service", "plan_qss", 4.00),
    (r"^Zoom Whiteboard", "plan_whiteboard", 2.49),
    (r"^Zoom Revenue Accelerator", "plan_zoom_iq", 40.00),
    (r"^Zoom Translation", "plan_ztransl", 5.00),
    (r"^Room Connector", "plan_room_connector", 49.00),
    (r"^Large Meeting", "plan_large_meeting", 50.00),
    (r"^Webinar", "plan_webinar", 79.00),
    (r"^Zoom Events", "plan_zoom_events", 99.00),
    (r"^Zoom Sessions", "plan_zoom_sessions", 89.00),
    (r"^Cloud Recording", "plan_recording", 10.00),
    (r"^Audio Conferencing", "plan_audio", 100.00),
    (r"^SIP Trunk", "plan_sip_trunk", 100.00),
    (r"^Concurrent Meeting", "plan_concurrent_meeting", 20.00),
    (r"^Video SDK Cloud Recording", "plan_sdk_cmr", 40.00),
    (r"^Zoom Virtual Agents", "plan_zva", 30.00),
    (r"^Zoom Recording Connector", "plan_zrc", 10.00),
    (r"^Zoom Mesh", "plan_mesh", 3.00),
    (r"^Zoom Scheduler", "plan_zsched", 5.99),
    (r"^Zoom Workforce Management", "plan_workforce_management", 10.00),
    (r"^Zoom Visitor Management", "plan_visitor_management", 3.00),
    (r"^Zoom Phone base plan add-ons", "plan_phone.plan_calling", 0.00),
    (r"^Zoom Phone base plans", "plan_phone.plan_base", 0.00),
    (r"^Zoom Phone Power Pack", "plan_phone.plan_calling", 10.00),
    (r"^Zoom Phone .*(Numbers|Number Only)$", "plan_phone.plan_number", 5.00),
    (r"^Zoom Phone Common Area", "plan_phone.plan_calling", 8.00),
    (r"^Zoom Phone", "plan_phone.plan_calling", 10.00),
    (r"^Contact Center basic", "plan_zcc.plan_package_lists", 69.00),
    (r"^Contact Center usage", "plan_zcc.plan_usage", 0.00),
    (r"^Contact Center Virtual Service", "plan_zcc.plan_phone_number", 5.00),
    (r"^Contact Center Cloud Storage", "plan_zcc.plan_recording", 20.00),
    (r"^Contact Center Concurrent", "plan_zcc.plan_package_lists", 99.00),
    (r"^Contact Center AI Expert Assist", "plan_zcc.plan_ai_expert_assist", 25.00),
    (r"^Zoom Node base", "plan_znode.plan_znode_base", 0.00),
    (r"^Zoom Node Hybrid Recording", "plan_znode.plan_cmrhybrid", 10.00),
    (r"^Zoom Node Team Chat Hybrid", "plan_znode.plan_tchybrid", 3.00),
    (r"^Zoom Phone Hybrid", "plan_znode.plan_zphybrid", 5.00),
    (r"^Zoom Meeting Hybrid", "plan_znode.plan_zmhybrid", 5.00),
    (r"^Zoom Meeting Connector", "plan_znode.plan_mchybrid", 5.00),
]

# (pattern in the type code, cycle, months, prepay factor)
CYCLES = [
    (r"three_?year|3_?year|threeyear", "Three years", 36, 0.80),
    (r"two_?year|2_?year|twoyear", "Two years", 24, 0.85),
    (r"quarter", "Quarterly", 3, 1.00),
    (r"year|annual|annually", "Annual", 12, 0.8333),
]


def cycle(code):
    for pattern, name, months, factor in CYCLES:
        if re.search(pattern, code, re.I):
            return name, months, factor
    return "Monthly", 1, 1.0


def main():
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["type", "name", "plan_group", "purchase", "billing_cycle", "list_price_usd", "hosts_min", "hosts_max",
                  "note"])
    heading = ""
    seen = set()
    for line in open(DOC, encoding="utf-8"):
        m = re.match(r"^#{3,4} (.+?)\s*$", line)
        if m:
            heading = m.group(1)
            continue
        m = re.match(r"^\|`([^`]+)`\|([^|]*)\|(.*)$", line)
        if not m:
            continue
        code, name, rest = m.group(1), m.group(2).strip(), m.group(3)
        if code in seen:
            continue
        seen.add(code)
        group, monthly = next(((g, p) for h, g, p in SECTIONS if re.search(h, heading)), (None, None))
        if group is None:
            sys.exit("no plan group for heading %r (type %s)" % (heading, code))
        if group == "plan_whiteboard" and "plus" in code:
            group = "plan_whiteboard_plus"
        base = "Subscribe]" in rest
        addon = "Subscribe (additional)" in rest
        purchase = "base+additional" if base and addon else "base" if base else "additional"
        name_cycle, months, factor = cycle(code)
        payg = re.search(r"payongo|pay_as_you_go|usage|consumption|free_trial|trial", code, re.I)
        price = 0.0 if payg else round(monthly * months * factor, 2)
        note = re.sub(r"\[Subscribe[^\]]*\]\([^)]*\)", "", rest).replace("<br />", " ").replace("<br/>", " ")
        note = re.sub(r"\s+", " ", note).strip(" |")
        # host ranges the Billing API documents for base plans (B11): Pro 1-9, Business 10-49, Education 20-149
        hosts = {"Zoom Workplace Pro": (1, 9), "Zoom Workplace Business": (10, 49), "Education": (20, 149)}.get(heading,
                                                                                                            (1, 99999))
        out.writerow([code, name, group, purchase, name_cycle, "%.2f" % price, hosts[0], hosts[1], note])


if __name__ == "__main__":
    main()
