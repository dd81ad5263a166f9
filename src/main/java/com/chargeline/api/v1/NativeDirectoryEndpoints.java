package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.accounts.directory.UpsertBillingAccount;
import com.chargeline.accounts.directory.ReleaseNumber;
import com.chargeline.accounts.directory.UpsertUsers;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.api.JsonBody;
import com.chargeline.api.StrictJson;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.CallingPlanQueries;
import com.chargeline.usage.rating.CreateCallingPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/** The phone directory (users, numbers, billing accounts) and calling plans of an account. */
public final class NativeDirectoryEndpoints implements EndpointGroup {
    static final List<String> USER_COLUMNS = List.of("name", "email", "extension_number", "employee_id", "department",
            "cost_center", "calling_plan", "billing_account_id", "phone_numbers");
    private static final Set<String> USER_FIELDS = Set.copyOf(USER_COLUMNS);
    private final AccountAccess access;
    private final DirectoryQueries directory;
    private final CallingPlanQueries plans;
    private final UseCases writes;
    private final ObjectMapper mapper;

    /** The directory's writes. */
    public record UseCases(UpsertUsers upsertUsers, UpsertBillingAccount upsertBillingAccount,
                           CreateCallingPlan createCallingPlan, ReleaseNumber releaseNumber) {
    }

    public NativeDirectoryEndpoints(AccountAccess access, DirectoryQueries directory, CallingPlanQueries plans,
                                    UseCases writes, ObjectMapper mapper) {
        this.access = access;
        this.directory = directory;
        this.plans = plans;
        this.writes = writes;
        this.mapper = mapper;
    }

    /** A plan on the wire; {@code included_minutes} null is unlimited. */
    public record PlanView(String planId, String name, String scope, Long includedMinutes, List<String> callTypes,
                           List<String> regions) {
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/accounts/{accountId}/users", this::upsertUsers);
        get("/api/v1/accounts/{accountId}/users", ctx -> ctx.json(Map.of("users",
                directory.users(account(ctx, NativeOperations.READ_DIRECTORY)))));
        get("/api/v1/accounts/{accountId}/numbers", ctx -> ctx.json(Map.of("numbers",
                directory.numbers(account(ctx, NativeOperations.READ_DIRECTORY)))));
        delete("/api/v1/accounts/{accountId}/numbers/{number}", ctx -> {
            writes.releaseNumber().release(account(ctx, NativeOperations.WRITE_DIRECTORY), ctx.pathParam("number"));
            ctx.status(204);
        });
        post("/api/v1/accounts/{accountId}/billing_accounts", this::createBillingAccount);
        get("/api/v1/accounts/{accountId}/billing_accounts", ctx -> ctx.json(Map.of("billing_accounts",
                directory.billingAccounts(account(ctx, NativeOperations.READ_DIRECTORY)))));
        post("/api/v1/accounts/{accountId}/calling_plans", this::createPlan);
        get("/api/v1/accounts/{accountId}/calling_plans", ctx -> ctx.json(Map.of("calling_plans",
                plans.byName(account(ctx, NativeOperations.READ_DIRECTORY)).values().stream()
                        .map(p -> new PlanView(p.id().toString(), p.name(), p.scope().name().toLowerCase(Locale.ROOT),
                                p.unlimited() ? null : p.includedMinutes().getAsLong(),
                                p.callTypes().stream().map(CallType::wire).sorted().toList(),
                                p.regions().stream().sorted().toList()))
                        .sorted(java.util.Comparator.comparing(PlanView::name)).toList())));
    }

    private AccountId account(Context ctx, Operation operation) {
        var caller = BearerAuth.caller(ctx, operation);
        return access.resolve(caller.accountId(), ctx.pathParam("accountId")).id();
    }

    private void upsertUsers(Context ctx) {
        var account = account(ctx, NativeOperations.WRITE_DIRECTORY);
        var type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        List<PhoneUser> users;
        if (type.startsWith("text/csv")) {
            var csv = StrictJson.utf8(ctx);
            com.chargeline.api.NulGuard.requireNone(csv, "body");
            users = usersFromCsv(csv);
        } else {
            users = usersFromJson(ctx);
        }
        var saved = writes.upsertUsers().upsert(account, users);
        ctx.json(Map.of("users", saved.stream().map(u -> Map.of("user_id", u.userId().toString(),
                "email", u.identity().email(), "phone_numbers", u.phoneNumbers())).toList()));
    }

    private List<PhoneUser> usersFromJson(Context ctx) {
        var root = JsonBody.parse(ctx, mapper);
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new Invalid(ErrorCode.MALFORMED_BODY, "Request Body should be a user object or an array of them.");
        }
        var nodes = new ArrayList<JsonNode>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        var errors = new ArrayList<FieldError>();
        var users = new ArrayList<PhoneUser>();
        for (int i = 0; i < nodes.size(); i++) {
            var at = root.isArray() ? "users[" + i + "]" : "";
            if (!(nodes.get(i) instanceof ObjectNode object)) {
                errors.add(new FieldError(at.isEmpty() ? "body" : at, "Must be a user object."));
                continue;
            }
            var n = JsonBody.closed(object, USER_FIELDS, Set.of());
            var numbers = n.strings("phone_numbers", 100);
            users.add(user(n.string("name"), n.string("email"), n.string("extension_number"), n.string("employee_id"),
                    n.string("department"), n.string("cost_center"), n.string("calling_plan"), n.string("billing_account_id"),
                    numbers == null ? List.of() : numbers));
            errors.addAll(n.errors().stream().map(e -> at.isEmpty() ? e : new FieldError(at + "." + e.field(), e.message()))
                    .toList());
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
        return users;
    }

    static List<PhoneUser> usersFromCsv(String csv) {
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(new StringReader(csv));
            if (!parser.getHeaderNames().equals(USER_COLUMNS)) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                        "header", "The header must be exactly: " + String.join(",", USER_COLUMNS) + ".")));
            }
            var users = new ArrayList<PhoneUser>();
            for (var row : parser) {
                var numbers = row.get("phone_numbers").isBlank() ? List.<String>of()
                        : Arrays.stream(row.get("phone_numbers").split(";")).map(String::strip).toList();
                users.add(user(row.get("name"), row.get("email"), blank(row.get("extension_number")), row.get("employee_id"),
                        row.get("department"), row.get("cost_center"), row.get("calling_plan"), row.get("billing_account_id"),
                        numbers));
            }
            return users;
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            var reason = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("body", "Not a readable CSV file: " + reason.getMessage())));
        }
    }

    private static PhoneUser user(String name, String email, String ext, String employeeId, String department,
                                  String costCenter, String plan, String billing, List<String> numbers) {
        return new PhoneUser(null, new PhoneUser.Identity(name, email, ext),
                new PhoneUser.Attribution(employeeId, department, costCenter, plan, billing), numbers);
    }

    private void createBillingAccount(Context ctx) {
        var account = account(ctx, NativeOperations.WRITE_DIRECTORY);
        var body = JsonBody.closed(ctx, mapper, Set.of("billing_account_id", "name"), Set.of());
        var id = body.requiredString("billing_account_id");
        var name = body.string("name");
        body.check();
        writes.upsertBillingAccount().upsert(account, id, name);
        ctx.status(201).json(Map.of("billing_account_id", id, "name", name == null ? "" : name));
    }

    private void createPlan(Context ctx) {
        var account = account(ctx, NativeOperations.WRITE_DIRECTORY);
        var body = JsonBody.closed(ctx, mapper, Set.of("name", "scope", "included_minutes", "call_types", "regions"),
                Set.of("included_minutes"));
        var name = body.requiredString("name");
        var scope = body.requiredString("scope");
        var minutesNode = body.root().get("included_minutes");
        Long minutes = null;
        if (minutesNode != null && !minutesNode.isNull()) {
            if (minutesNode.isIntegralNumber() && minutesNode.canConvertToLong()) {
                minutes = minutesNode.asLong();
            } else {
                body.reject("included_minutes", "Expected a whole number, or null for unlimited.");
            }
        }
        var types = body.strings("call_types", 10);
        var regions = body.strings("regions", 300);
        body.check();
        var plan = writes.createCallingPlan().create(account, name, scope, minutes, types, regions);
        ctx.status(201).json(new PlanView(plan.id().toString(), plan.name(), scope, minutes,
                plan.callTypes().stream().map(CallType::wire).sorted().toList(), plan.regions().stream().sorted().toList()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
