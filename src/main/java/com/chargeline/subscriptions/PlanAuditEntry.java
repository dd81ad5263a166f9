package com.chargeline.subscriptions;

import java.time.OffsetDateTime;

/** One change of an account's plans: who, when (UTC), what, the lines before and after (JSON text). */
public record PlanAuditEntry(OffsetDateTime at, String actor, String action, String before, String after) {
}
