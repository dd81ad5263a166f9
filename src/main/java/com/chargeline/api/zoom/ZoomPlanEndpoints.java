package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.BillingContact;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.time.Calendars;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.subscriptions.PlanRequest;
import com.chargeline.subscriptions.Subscribe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Zoom Billing plan operations: {@code GET /v2/accounts/{accountId}/plans} (B6) and
 * {@code POST /v2/accounts/{accountId}/plans} (B7, a base plan with the add-ons bought with it).
 */
public final class ZoomPlanEndpoints implements EndpointGroup {
    private static final List<String> CONTACT_FIELDS = List.of("first_name", "last_name", "email", "country", "address",
            "city", "phone_number", "state", "zip");
    private final AccountAccess access;
    private final PlanQueries plans;
    private final Subscribe subscribe;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ZoomPlanEndpoints(AccountAccess access, PlanQueries plans, Subscribe subscribe, Clock clock,
                             ObjectMapper mapper) {
        this.access = access;
        this.plans = plans;
        this.subscribe = subscribe;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        get("/v2/accounts/{accountId}/plans", this::read);
        post("/v2/accounts/{accountId}/plans", this::subscribe);
    }

    private void read(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.GET_PLANS);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "This subaccount is on self pay mode.");
        ctx.json(ZoomPlanObjects.of(plans.plans(account.id()), Calendars.today(clock, account.profile().timeZone()),
                mapper));
    }

    private void subscribe(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.SUBSCRIBE_PLAN);
        var account = access.resolveForBilling(caller.accountId(), ctx.pathParam("accountId"),
                "Cannot add plan for a subaccount which is paid by self.");
        var body = JsonBody.of(ctx, mapper);
        var root = body.root();
        var contact = root.get("contact");
        for (var field : CONTACT_FIELDS) {
            if (contact == null || !contact.isObject() || !contact.path(field).isTextual() || contact.path(field).asText().isBlank()) {
                throw rejected("Invalid parameter: " + field);
            }
        }
        if (root.has("plan_bundle")) {
            throw rejected("Invalid field: plan_bundle");
        }
        var audio = root.path("plan_audio");
        if (audio.isObject() && List.of("tollfree_countries", "premium_countries", "callout_countries").stream()
                .allMatch(f -> audio.path(f).asText("").isBlank())) {
            throw rejected("At least one option from among the Toll-free, Premium and Call-out must be provided.");
        }
        var base = root.get("plan_base");
        if (base == null || !base.isObject() || !base.path("type").isTextual()) {
            body.reject("plan_base.type", "Required: the base plan type.");
            body.check();
        }
        var request = new PlanRequest(new PlanRequest.Line("plan_base", base.get("type").asText(), hosts(body, base, "plan_base")),
                addons(body, root),
                options(body, root.path("subscription_options")));
        body.check();
        var contactBody = body.object("contact");
        var apt = contactBody.string("apt");
        var employeeCount = contactBody.string("employee_count");
        body.absorb("contact", contactBody);
        body.check();
        // the plan and its billing contact in one transaction: a refused request changes neither
        subscribe.subscribe(account, caller.clientId(), request, new BillingContact(new BillingContact.Person(
                text(contact, "first_name"), text(contact, "last_name"), text(contact, "email"),
                text(contact, "phone_number")),
                new BillingContact.Address(text(contact, "address"), apt == null ? "" : apt, text(contact, "city"),
                        text(contact, "state"), text(contact, "zip"), text(contact, "country")),
                employeeCount));
        var echo = root.deepCopy();
        echo.remove("contact");
        echo.remove("subscription_options");
        ctx.status(201).json(echo);
    }

    /** Every add-on line given next to the base plan, with the group path it was given under. */
    private static List<PlanRequest.Line> addons(JsonBody body, ObjectNode root) {
        var lines = new ArrayList<PlanRequest.Line>();
        root.properties().forEach(e -> {
            var name = e.getKey();
            if (!name.startsWith("plan_") || name.equals("plan_base")) {
                return;
            }
            collect(body, name, name, e.getValue(), lines);
        });
        return lines;
    }

    /** The lines under {@code group}, found at {@code at} in the body ({@code plan_webinar[1]}, for errors). */
    private static void collect(JsonBody body, String group, String at, JsonNode value, List<PlanRequest.Line> lines) {
        if (value.isTextual()) {
            lines.add(new PlanRequest.Line(group, value.asText(), 0, at));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(body, group, at + "[" + i + "]", value.get(i), lines);
            }
        } else if (value.isObject() && value.has("type")) {
            if (!value.get("type").isTextual()) {
                body.reject(group + ".type", "Expected a string.");
            }
            lines.add(new PlanRequest.Line(group, value.path("type").asText(), hosts(body, value, group), at + ".type"));
        } else if (value.isObject()) {
            value.properties().forEach(e -> collect(body, group + "." + e.getKey(), at + "." + e.getKey(), e.getValue(), lines));
        } else if (!value.isNull()) {
            body.reject(group, "Expected a plan object.");
        }
    }

    private static PlanRequest.Options options(JsonBody body, JsonNode options) {
        if (options.isMissingNode() || options.isNull()) {
            return PlanRequest.Options.NONE;
        }
        var effective = paidPeriodStart(body, options, "subscription_options.");
        Integer term = null;
        if (options.has("contract_term")) {
            if (!options.get("contract_term").isIntegralNumber() || !options.get("contract_term").canConvertToInt()) {
                throw new Invalid(ErrorCode.INVALID_CONTRACT_TERM,
                        "Your request cannot be processed due to an invalid contract term.");
            }
            term = options.get("contract_term").asInt();
        }
        return new PlanRequest.Options(effective, term, options.path("purchase_order_number").asText(null),
                options.path("deal_registration_id").asText(null));
    }

    /**
     * {@code paid_period_start_date} and {@code service_effective_date} of {@code node} (fields named under
     * {@code prefix} in errors): both absent (null: today), or the same date.
     */
    static LocalDate paidPeriodStart(JsonBody body, JsonNode node, String prefix) {
        var paid = date(body, node, prefix, "paid_period_start_date");
        var effective = date(body, node, prefix, "service_effective_date");
        if ((paid != null || effective != null) && (paid == null || !paid.equals(effective))) {
            body.reject(prefix + "service_effective_date",
                    "paid_period_start_date and service_effective_date must be the same date.");
        }
        return effective;
    }

    private static LocalDate date(JsonBody body, JsonNode node, String prefix, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return LocalDate.parse(node.get(field).asText());
        } catch (DateTimeParseException e) {
            body.reject(prefix + field, "A date, yyyy-MM-dd.");
            return null;
        }
    }

    private static int hosts(JsonBody body, JsonNode plan, String name) {
        var hosts = body.integer(plan, "hosts", name + ".hosts");
        return hosts == null ? 0 : hosts;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }

    private static Invalid rejected(String message) {
        return new Invalid(ErrorCode.PLAN_REJECTED, message);
    }
}
