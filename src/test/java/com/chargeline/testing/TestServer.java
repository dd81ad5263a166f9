package com.chargeline.testing;

import com.chargeline.App;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real Chargeline server on a fresh database of the shared test PostgreSQL, on a free port. */
public final class TestServer implements AutoCloseable {
    public final App app;
    public final Api api;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    public final String dbUrl;
    private final com.chargeline.api.limits.RateRules rateRules;

    public TestServer() {
        this(1_048_576);
    }

    public TestServer(long maxBodyBytes) {
        this(TestPostgres.newDatabase(), maxBodyBytes);
    }

    /** A server that also serves {@code extra} endpoint groups (test-only endpoints). */
    public TestServer(List<io.javalin.apibuilder.EndpointGroup> extra) {
        this(TestPostgres.newDatabase(), 1_048_576, extra);
    }

    /** A server run with {@code operations} (the ingest bound, where /metrics is served). */
    public TestServer(App.Operations operations) {
        this.dbUrl = TestPostgres.newDatabase();
        this.rateRules = null;
        var target = new Storage.Target(null, dbUrl, "postgres", null, Map.of());
        this.app = App.start(new App.Config(target, "127.0.0.1", 0, null, 1_048_576, clock).with(operations));
        this.api = new Api(app.port());
    }

    private TestServer(String dbUrl, long maxBodyBytes) {
        this(dbUrl, maxBodyBytes, List.of());
    }

    private TestServer(String dbUrl, long maxBodyBytes, List<io.javalin.apibuilder.EndpointGroup> extra) {
        this(dbUrl, maxBodyBytes, extra, null);
    }

    private TestServer(String dbUrl, long maxBodyBytes, List<io.javalin.apibuilder.EndpointGroup> extra,
                       com.chargeline.api.limits.RateRules rateRules) {
        this.dbUrl = dbUrl;
        this.rateRules = rateRules;
        var target = new Storage.Target(null, dbUrl, "postgres", null, Map.of());
        this.app = App.start(new App.Config(target, "127.0.0.1", 0, null, maxBodyBytes, clock).withRateLimits(rateRules),
                extra);
        this.api = new Api(app.port());
    }

    /** A server with the rate limits of {@code rules} (the other constructors start servers without rate limits). */
    public static TestServer withRateLimits(com.chargeline.api.limits.RateRules rules) {
        return new TestServer(TestPostgres.newDatabase(), 1_048_576, List.of(), rules);
    }

    /**
     * A second server process-alike on this server's database (as a second node behind a load balancer would be),
     * with the same rate limits; it has its own clock, which starts where this server's is.
     */
    public TestServer secondNode() {
        var node = new TestServer(dbUrl, 1_048_576, List.of(), rateRules);
        node.clock.advance(java.time.Duration.between(node.clock.instant(), clock.instant()));
        return node;
    }

    /** An account with an API client and a live token. */
    public record Tenant(Account account, String clientId, String secret, String token) {
        public String id() {
            return account.id().wire();
        }
    }

    public Tenant master(String name) {
        var account = app.wiring().createAccount.createMaster(newAccount(name, PayMode.MASTER));
        return withClient(account, List.of());
    }

    public Tenant sub(Tenant master, String name, PayMode payMode) {
        var account = app.wiring().createAccount.createSub(master.account().id(), newAccount(name, payMode));
        return withClient(account, List.of());
    }

    /** Gives {@code tenant} a base plan of {@code type} with {@code hosts} hosts, starting today. */
    public void subscribe(Tenant tenant, String type, int hosts) {
        app.wiring().subscribe.subscribe(tenant.account(), "test", new com.chargeline.subscriptions.PlanRequest(
                new com.chargeline.subscriptions.PlanRequest.Line("plan_base", type, hosts), List.of(),
                com.chargeline.subscriptions.PlanRequest.Options.NONE));
    }

    /** A token for a new client of {@code account} holding exactly {@code scopes}. */
    public String tokenWithScopes(Account account, List<String> scopes) {
        return withClient(account, scopes).token();
    }

    private Tenant withClient(Account account, List<String> scopes) {
        var client = app.wiring().createApiClient.create(account.id(), scopes, "test");
        var token = app.wiring().accessTokens.issue(client.client()).token();
        return new Tenant(account, client.client().clientId(), client.clientSecret(), token);
    }

    public Account reload(AccountId id) {
        return app.wiring().accountQueries.find(id).orElseThrow();
    }

    private static NewAccount newAccount(String name, PayMode payMode) {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        return new NewAccount(new Account.Owner(null, "owner-" + tag + "@example.com", "Ada", "Lovelace"),
                "Tr0ub4dor-" + tag, name, new AccountOptions(payMode, false, "{}"), "US", NewAccount.Extras.none());
    }

    @Override
    public void close() {
        app.close();
    }
}
