package com.chargeline.subscriptions;

import com.chargeline.catalog.PlanType;
import com.chargeline.common.id.AccountId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * One change of an account's plans inside its use case's transaction: the account row locked, the
 * lines it held before, the writes, and the {@code plan_audit} row of before and after.
 */
final class PlanChange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SubscriptionRepository repo;
    private final AccountId account;
    private final LocalDate today;
    private final OffsetDateTime now;
    private final List<Subscription> held;

    private PlanChange(SubscriptionRepository repo, AccountId account, LocalDate today, OffsetDateTime now) {
        this.repo = repo;
        this.account = account;
        this.today = today;
        this.now = now;
        this.held = repo.lines(account.value());
    }

    /** Locks the account's row and reads the lines it holds; {@code today} is the account's date. */
    static PlanChange begin(Handle h, AccountId account, LocalDate today, OffsetDateTime now) {
        var repo = h.attach(SubscriptionRepository.class);
        repo.lockAccount(account.value());
        return new PlanChange(repo, account, today, now);
    }

    /** Lines in service today (a cancelled one until its paid period ends). */
    Stream<Subscription> active() {
        return held.stream().filter(s -> s.activeOn(today));
    }

    /** Lines in service and not yet cancelled. */
    Stream<Subscription> live() {
        return active().filter(s -> s.cancelAt() == null);
    }

    /** Refuses the change with {@code refusal} when no base plan is live. */
    void requireBase(RuntimeException refusal) {
        if (live().noneMatch(s -> s.group().equals("plan_base"))) {
            throw refusal;
        }
    }

    /**
     * Adds a line. A cancelled line of the same type whose paid period has ended is still stored as
     * {@code active} (it reads as cancelled from its {@code cancel_at}); it is closed first, as the
     * database keeps one active line per account and type.
     */
    void add(PlanType plan, int hosts, LocalDate start) {
        add(plan, hosts, start, PlanRequest.Options.NONE);
    }

    /** {@link #add(PlanType, int, LocalDate)} with B7's subscription options. */
    void add(PlanType plan, int hosts, LocalDate start, PlanRequest.Options options) {
        held.stream()
                .filter(s -> s.type().equals(plan.type()) && s.status() == SubscriptionStatus.ACTIVE && !s.activeOn(today))
                .forEach(s -> repo.closeLine(account.value(), s.id(), now));
        repo.addLine(account.value(), plan, hosts, start, options, now);
    }

    void setHosts(Subscription line, int hosts) {
        repo.setHosts(account.value(), line.id(), hosts, now);
    }

    /** Cancels a line at the end of its paid period (its next invoice date). */
    void cancel(Subscription line, Integer reason) {
        repo.cancelLine(account.value(), line.id(), line.nextInvoiceDate(today), reason, now);
    }

    /** A line replaced by another (a plan switch) ends today. */
    void end(Subscription line) {
        repo.endLine(account.value(), line.id(), today, now);
    }

    /** Writes the audit row: the request and the lines before, the lines after. */
    void audit(String actor, String action, Object request) {
        write(repo, account, actor, now, action, Map.of("request", request, "lines", view(held)),
                view(repo.lines(account.value())));
    }

    private List<Map<String, Object>> view(List<Subscription> lines) {
        return lines.stream().map(s -> Map.<String, Object>of("type", s.type(), "hosts", s.hosts(),
                "status", s.statusOn(today).wire(), "cancel_at", Objects.toString(s.cancelAt(), ""))).toList();
    }

    /** Writes the audit row with {@code before} and {@code after} as given. */
    void audit(String actor, String action, Object before, Object after) {
        write(repo, account, actor, now, action, before, after);
    }

    /** One {@code plan_audit} row; {@code before} and {@code after} are written as JSON (null stays null). */
    private static void write(SubscriptionRepository repo, AccountId account, String actor, OffsetDateTime at,
                              String action, Object before, Object after) {
        repo.insertAudit(account.value(), actor, at, action, json(before), json(after));
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
