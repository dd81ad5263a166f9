package com.chargeline.cli;

import com.chargeline.accounts.ManageApiClients;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline client create}: API clients for Server-to-Server OAuth. */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Manage API clients.",
        subcommands = {ClientCommand.Create.class})
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
            var id = AccountId.parse(account).orElseThrow(() ->
                    new IllegalArgumentException("--account must be a 22-character account id, got '" + account + "'"));
            try (var store = Storage.open(storage.target(), null)) {
                var created = new ManageApiClients(store.database(), Clock.systemUTC())
                        .create(id, scopes == null ? List.of() : scopes, name);
                System.out.println("account_id:    " + id.wire());
                System.out.println("client_id:     " + created.client().clientId());
                System.out.println("client_secret: " + created.clientSecret());
                System.out.println("scopes:        " + String.join(" ", created.client().scopes()));
                System.out.println("The secret is shown only now; Chargeline keeps only its hash.");
            }
        }
    }
}
