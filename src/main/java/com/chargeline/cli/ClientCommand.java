package com.chargeline.cli;

import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.ApiClientQueries;
import com.chargeline.accounts.CreateApiClient;
import com.chargeline.accounts.RevokeApiClient;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.storage.Storage;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline client create|list|revoke|rate-limits}: API clients for Server-to-Server OAuth. */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Manage API clients.",
        subcommands = {ClientCommand.Create.class, ClientCommand.ListClients.class, ClientCommand.Revoke.class,
            ClientCommand.RateLimits.class})
public final class ClientCommand extends ParentCommand {

    /** Creates a client and prints its secret once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API client for an account; prints client_id and client_secret once.")
    public static final class Create implements Runnable {
        @Mixin
        StorageOptions storage;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
        String account;

        @Option(names = "--scopes", split = ",", paramLabel = "SCOPE",
                description = "Scopes, comma-separated (default: every macro scope the account may hold).")
        List<String> scopes;

        @Option(names = "--name", defaultValue = "", description = "A label for the client.")
        String name;

        @Override
        public void run() {
            var id = UsageError.accountId(account);
            try (var store = Storage.open(storage.target(), null)) {
                UsageError.requireAccount(new AccountQueries(store.database()), id);
                CreateApiClient.NewClient created;
                try {
                    created = new CreateApiClient(store.database(), Clock.systemUTC())
                            .create(id, scopes == null ? List.of() : scopes, name);
                } catch (Invalid e) {
                    throw new UsageError(CliErrors.describe(e));
                }
                System.out.println("account_id:    " + id.wire());
                System.out.println("client_id:     " + created.client().clientId());
                System.out.println("client_secret: " + created.clientSecret());
                System.out.println("scopes:        " + String.join(" ", created.client().scopes()));
                System.out.println("The secret is shown only now; Chargeline keeps only its hash.");
            }
        }
    }

    /** Lists an account's clients, revoked ones too. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an account's API clients: client_id, name, scopes, created_at and whether it is active or revoked.")
    public static final class ListClients implements Runnable {
        @Mixin
        StorageOptions storage;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
        String account;

        @Override
        public void run() {
            var id = UsageError.accountId(account);
            try (var store = Storage.open(storage.target(), null)) {
                UsageError.requireAccount(new AccountQueries(store.database()), id);
                var clients = new ApiClientQueries(store.database()).list(id);
                if (clients.isEmpty()) {
                    System.out.println("account " + id.wire() + " has no API clients");
                    return;
                }
                System.out.println("client_id\tname\tscopes\tcreated_at\tstatus");
                for (var c : clients) {
                    System.out.println(c.clientId() + "\t" + (c.name().isEmpty() ? "-" : c.name()) + "\t"
                            + String.join(",", c.scopes()) + "\t" + c.createdAt() + "\t"
                            + (c.active() ? "active" : "revoked " + c.revokedAt()));
                }
            }
        }
    }

    /** Revokes a client: no new tokens, and the tokens it holds stop working. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API client of an account: it gets no new tokens and its current tokens stop working.")
    public static final class Revoke implements Runnable {
        @Mixin
        StorageOptions storage;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
        String account;

        @Option(names = "--client", required = true, paramLabel = "CLIENT_ID", description = "The client_id to revoke.")
        String client;

        @Override
        public void run() {
            var id = UsageError.accountId(account);
            try (var store = Storage.open(storage.target(), null)) {
                UsageError.requireAccount(new AccountQueries(store.database()), id);
                boolean revoked;
                try {
                    revoked = new RevokeApiClient(store.database(), Clock.systemUTC()).revoke(id, client);
                } catch (NotFound e) {
                    throw new UsageError("account " + id.wire() + " has no API client " + client);
                }
                System.out.println(revoked ? "revoked API client " + client + " of account " + id.wire()
                        : "API client " + client + " of account " + id.wire() + " was already revoked; nothing changed");
            }
        }
    }

    /** Exempts a client from the rate limits, or applies them to it again. */
    @Command(name = "rate-limits", mixinStandardHelpOptions = true,
            description = "Apply the rate limits to an API client (on, the default for every client) or exempt it (off);"
                    + " takes effect on its next request, on every node.")
    public static final class RateLimits implements Runnable {
        @Mixin
        StorageOptions storage;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "Account id (22 characters).")
        String account;

        @Option(names = "--client", required = true, paramLabel = "CLIENT_ID", description = "The client_id.")
        String client;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "on|off", description = "on or off.")
        String setting;

        @Override
        public void run() {
            var id = UsageError.accountId(account);
            if (!setting.equals("on") && !setting.equals("off")) {
                throw new UsageError("rate-limits takes on or off, got " + setting);
            }
            try (var store = Storage.open(storage.target(), null)) {
                UsageError.requireAccount(new AccountQueries(store.database()), id);
                try {
                    new RevokeApiClient(store.database(), Clock.systemUTC()).setRateLimited(id, client, setting.equals("on"));
                } catch (NotFound e) {
                    throw new UsageError("account " + id.wire() + " has no API client " + client);
                }
                System.out.println("rate limits " + setting + " for API client " + client + " of account " + id.wire());
            }
        }
    }
}
