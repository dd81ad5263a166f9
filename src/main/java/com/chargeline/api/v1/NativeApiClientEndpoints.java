package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.ApiClientQueries;
import com.chargeline.accounts.CreateApiClient;
import com.chargeline.accounts.RevokeApiClient;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;
import com.chargeline.common.id.AccountId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An account's API clients under {@code /api/v1/accounts/{accountId}/api_clients}: list (never the
 * secrets), create (the secret is in the 201 answer and nowhere else, ever), revoke. A revoked
 * client's tokens are refused from the next request on, on every node: bearer checks read the
 * client's state from the database.
 */
public final class NativeApiClientEndpoints implements EndpointGroup {
    static final Operation MANAGE_CLIENTS = Operation.of("manageApiClients", RateLimit.nativeApi(Label.MEDIUM), "chargeline:admin");

    private final AccountAccess access;
    private final ApiClientQueries queries;
    private final CreateApiClient clients;
    private final RevokeApiClient revoke;
    private final ObjectMapper mapper;

    public NativeApiClientEndpoints(AccountAccess access, ApiClientQueries queries, CreateApiClient clients,
                                    RevokeApiClient revoke, ObjectMapper mapper) {
        this.access = access;
        this.queries = queries;
        this.clients = clients;
        this.revoke = revoke;
        this.mapper = mapper;
    }

    /** A client as listed; {@code revokedAt} only for a revoked one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientView(String clientId, String name, List<String> scopes, Instant createdAt, String status,
                      Instant revokedAt) {
        static ClientView from(ApiClientQueries.Listed c) {
            return new ClientView(c.clientId(), c.name(), c.scopes(), c.createdAt(), c.active() ? "active" : "revoked",
                    c.revokedAt());
        }
    }

    /** The 201 answer: the one time the secret is shown. */
    record CreatedClient(String clientId, String clientSecret, String name, List<String> scopes, Instant createdAt,
                         String status) {
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/accounts/{accountId}/api_clients", this::list);
        post("/api/v1/accounts/{accountId}/api_clients", this::create);
        delete("/api/v1/accounts/{accountId}/api_clients/{clientId}", this::revoke);
    }

    private AccountId account(Context ctx) {
        var caller = BearerAuth.caller(ctx, MANAGE_CLIENTS);
        return access.resolve(caller.accountId(), ctx.pathParam("accountId")).id();
    }

    private void list(Context ctx) {
        var account = account(ctx);
        ctx.json(Map.of("api_clients", queries.list(account).stream().map(ClientView::from).toList()));
    }

    private void create(Context ctx) {
        var account = account(ctx);
        var body = JsonBody.closed(ctx, mapper, Set.of("name", "scopes"), Set.of());
        var name = body.string("name");
        var scopes = body.strings("scopes", 100);
        if (scopes != null && Set.copyOf(scopes).size() != scopes.size()) {
            body.reject("scopes", "Each scope at most once.");
        }
        body.check();
        var created = clients.create(account, scopes == null ? List.of() : scopes, name);
        var client = created.client();
        ctx.status(201).json(new CreatedClient(client.clientId(), created.clientSecret(), client.name(), client.scopes(),
                client.createdAt(), "active"));
    }

    private void revoke(Context ctx) {
        var account = account(ctx);
        revoke.revoke(account, ctx.pathParam("clientId"));
        ctx.status(204);
    }
}
