package com.chargeline.cli;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.ClientSecrets;
import com.chargeline.accounts.CreateAccount;
import com.chargeline.accounts.NewAccount;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.Invalid;
import com.chargeline.storage.Storage;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargeline account create-master}: the first account of a new installation. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {AccountCommand.CreateMaster.class})
public final class AccountCommand extends ParentCommand {

    /** Creates a master account; sub accounts are then created through the API. */
    @Command(name = "create-master", mixinStandardHelpOptions = true,
            description = "Create a master account (sub accounts are created with POST /v2/accounts).")
    public static final class CreateMaster implements Runnable {
        @Mixin
        StorageOptions storage;
        @Option(names = "--name", required = true, description = "Account name.")
        String name;
        @Option(names = "--email", required = true, description = "Owner e-mail (unique).")
        String email;
        @Option(names = "--first-name", required = true, description = "Owner first name.")
        String firstName;
        @Option(names = "--last-name", required = true, description = "Owner last name.")
        String lastName;
        @Option(names = "--country", defaultValue = "US", description = "ISO 3166-1 country (default: ${DEFAULT-VALUE}).")
        String country;

        @Override
        public void run() {
            try (var store = Storage.open(storage.target(), null)) {
                Account account;
                try {
                    account = new CreateAccount(store.database(), Clock.systemUTC()).createMaster(new NewAccount(
                            new Account.Owner(null, email, firstName, lastName), ClientSecrets.newSecret(), name,
                            AccountOptions.defaults(), country, NewAccount.Extras.none()));
                } catch (Invalid | Conflict e) {
                    throw new UsageError(CliErrors.describe(e));
                }
                System.out.println("account_id: " + account.id().wire());
                System.out.println("Next: chargeline client create --account " + account.id().wire());
            }
        }
    }
}
