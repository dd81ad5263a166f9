package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.ClientSecrets;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.common.id.AccountId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo reseller: a master account, four sub accounts (one self-pay, one in Canada) with billing
 * contacts, an API client for each, their usage ({@link DemoTraffic}) and three months of invoices ({@link DemoInvoices}).
 * Seeding is idempotent: accounts are found by owner e-mail,
 * and the clients in {@code demo-credentials.json} are reused while they still authenticate.
 */
final class DemoData {
    static final String MASTER_EMAIL = "billing-admin@northwind-demo.example";

    /** A demo account's identity and contact. */
    record Seed(String name, String email, String first, String last, PayMode payMode, BillingContact contact) {
    }

    /** What {@code demo-credentials.json} holds. */
    record Credentials(String baseUrl, String accountId, String clientId, String clientSecret, List<SubCredentials> subAccounts) {
    }

    /** A sub account's entry in the credentials file. */
    record SubCredentials(String accountId, String clientId, String clientSecret) {
    }

    private static final Seed MASTER = new Seed("Northwind Communications", MASTER_EMAIL, "Morgan", "Reyes",
            PayMode.MASTER, contact("Morgan", "Reyes", MASTER_EMAIL, "415-555-0100", "500 Howard St", "Suite 400",
            "San Francisco", "CA", "94105", "US", "51-250"));
    private static final List<Seed> SUBS = List.of(
            new Seed("Harbor Dental Group", "owner@harbor-dental.example", "Priya", "Nair", PayMode.MASTER,
                    contact("Priya", "Nair", "ap@harbor-dental.example", "206-555-0142", "1201 Western Ave", "Floor 3",
                            "Seattle", "WA", "98101", "US", "11-50")),
            new Seed("Bluebird Logistics", "it@bluebird-logistics.example", "Marcus", "Okafor", PayMode.MASTER,
                    contact("Marcus", "Okafor", "finance@bluebird-logistics.example", "312-555-0177",
                            "233 S Wacker Dr", "", "Chicago", "IL", "60606", "US", "251-500")),
            new Seed("Cedar and Pine Legal", "office@cedarpine-legal.example", "Elena", "Kowalski", PayMode.SUB,
                    contact("Elena", "Kowalski", "office@cedarpine-legal.example", "617-555-0199", "1 Federal St", "",
                            "Boston", "MA", "02110", "US", "2-10")),
            new Seed("Maple Leaf Clinics", "admin@mapleleaf-clinics.example", "Olivier", "Tremblay", PayMode.MASTER,
                    contact("Olivier", "Tremblay", "comptes@mapleleaf-clinics.example", "416-555-0123", "100 King St W",
                            "Suite 5600", "Toronto", "ON", "M5X 1C9", "CA", "51-250")));

    private final Wiring wiring;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final int calls;
    private final int messages;

    DemoData(Wiring wiring) {
        this(wiring, DemoTraffic.CALLS, DemoTraffic.MESSAGES);
    }

    DemoData(Wiring wiring, int calls, int messages) {
        this.wiring = wiring;
        this.calls = calls;
        this.messages = messages;
    }

    Credentials seed(Path credentialsFile, String baseUrl) {
        var master = ensure(null, MASTER);
        masterId = master.id();
        var subs = new ArrayList<Account>();
        for (var seed : SUBS) {
            subs.add(ensure(master.id(), seed));
        }
        var existing = read(credentialsFile);
        var masterClient = reuseOrCreate(master.id(), existing == null ? null : existing.clientId(),
                existing == null ? null : existing.clientSecret());
        var subCredentials = new ArrayList<SubCredentials>();
        for (var sub : subs) {
            var old = existing == null ? null : existing.subAccounts().stream()
                    .filter(s -> s.accountId().equals(sub.id().wire())).findFirst().orElse(null);
            var client = reuseOrCreate(sub.id(), old == null ? null : old.clientId(), old == null ? null : old.clientSecret());
            subCredentials.add(new SubCredentials(sub.id().wire(), client[0], client[1]));
        }
        new DemoPlans(wiring).seed(subs);
        var traffic = new DemoTraffic(wiring, calls, messages);
        if (!traffic.seeded(master.id())) {
            traffic.seed(master, subs);
        }
        var invoices = new DemoInvoices(wiring);
        if (!invoices.seeded(master)) {
            invoices.seed(master, subs, subs.getFirst());
        }
        var credentials = new Credentials(baseUrl, master.id().wire(), masterClient[0], masterClient[1], subCredentials);
        write(credentialsFile, credentials);
        return credentials;
    }

    private Account ensure(AccountId master, Seed seed) {
        var found = wiring.accountQueries.findByEmail(seed.email());
        if (found.isPresent()) {
            return found.get();
        }
        var request = new NewAccount(new Account.Owner(null, seed.email(), seed.first(), seed.last()),
                ClientSecrets.newSecret(), seed.name(), new AccountOptions(seed.payMode(), true, "{}"),
                seed.contact().address().country(), NewAccount.Extras.none());
        var account = master == null ? wiring.createAccount.createMaster(request)
                : wiring.createAccount.createSub(master, request);
        wiring.updateBillingContact.update(account.id(), seed.contact());
        wiring.db.inTransaction(h -> h.createUpdate("UPDATE billing_contact SET employee_count = :count WHERE account_id = :id")
                .bind("count", seed.contact().employeeCount()).bind("id", account.id().value()).execute());
        return account;
    }

    /** {client_id, client_secret}: the stored pair when it still authenticates, else a new client. */
    private AccountId masterId;

    private String[] reuseOrCreate(AccountId account, String clientId, String secret) {
        if (clientId != null && secret != null && wiring.apiClientQueries.authenticate(clientId, secret)
                .filter(c -> c.accountId().equals(account)).isPresent()) {
            return new String[] {clientId, secret};
        }
        // the master's client may also read Talkdesk's monthly usage (a scope no default grants)
        var scopes = account.equals(masterId) ? java.util.stream.Stream.concat(ApiScopes.MASTER_DEFAULT.stream(),
                java.util.stream.Stream.of(ApiScopes.TALKDESK_USAGE_READ)).toList() : List.<String>of();
        var created = wiring.createApiClient.create(account, scopes, "demo");
        return new String[] {created.client().clientId(), created.clientSecret()};
    }

    private Credentials read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return json.readValue(file.toFile(), Credentials.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void write(Path file, Credentials credentials) {
        try {
            Files.createDirectories(file.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static BillingContact contact(String first, String last, String email, String phone, String street,
                                          String apt, String city, String state, String zip, String country,
                                          String employees) {
        return new BillingContact(new BillingContact.Person(first, last, email, phone),
                new BillingContact.Address(street, apt, city, state, zip, country), employees);
    }
}
