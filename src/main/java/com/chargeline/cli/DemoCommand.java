package com.chargeline.cli;

import com.chargeline.App;
import com.chargeline.common.id.AccountId;
import com.chargeline.invoicing.InvoiceSchedule;
import picocli.CommandLine.Command;

/** {@code chargeline demo}: seeds the demo reseller once, prints working curl lines, and serves. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Seed demo data (once; idempotent on restart), print ready-to-run curl lines, and serve.")
public final class DemoCommand extends ServingCommand {
    @Override
    void started(App app) {
        var base = server.publicUrl != null ? server.publicUrl : "http://localhost:" + app.port();
        var credentialsFile = storage.dataDir.toAbsolutePath().normalize().resolve("demo-credentials.json");
        // holding the automatic invoicing's claim: no tick invoices a month before its usage is seeded
        var credentials = InvoiceSchedule.exclusively(app.wiring().db,
                () -> new DemoData(app.wiring()).seed(credentialsFile, base));
        var client = app.wiring().apiClientQueries.authenticate(credentials.clientId(), credentials.clientSecret()).orElseThrow();
        var token = app.wiring().accessTokens.issue(client);
        var sub = credentials.subAccounts().getFirst().accountId();
        var out = System.out;
        out.println("Chargeline demo is running at " + base + " (" + storage.describe() + ")");
        out.println("  master account:  " + credentials.accountId() + " (Northwind Communications)");
        out.println("  sub accounts:    " + credentials.subAccounts().size() + " (credentials for each in " + credentialsFile + ")");
        out.println("  API docs:        " + base + "/docs");
        out.println();
        out.println("Try it (paste the lines in order; the first sets a token valid until "
                + token.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "):");
        out.println("  TOKEN=" + token.token());
        out.println("  TOKEN=$(curl -s -X POST \"" + base + "/oauth/token?grant_type=account_credentials&account_id="
                + credentials.accountId() + "\" -u \"" + credentials.clientId() + ":" + credentials.clientSecret()
                + "\" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/" + sub + "\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/" + sub + "/billing\"");
        out.println("  curl -s -X PATCH -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/json\" "
                + "-d '{\"address\":\"1420 5th Ave\",\"zip\":\"98101\"}' -w '%{http_code}\\n' \"" + base + "/v2/accounts/"
                + sub + "/billing\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/me/billing\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/" + sub + "/plans\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/" + sub + "/plans/usage\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/accounts/billing/renewals?interval=90\"");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + base + "/v2/phone/reports/call_charges?page_size=5\"");
        invoiceLines(app, base, credentials.accountId(), sub);
        out.println("Talkdesk's monthly usage (client credentials, the same API client):");
        out.println("  TD_TOKEN=$(curl -s -X POST \"" + base + "/oauth/token\" -u \"" + credentials.clientId() + ":"
                + credentials.clientSecret() + "\" -d 'grant_type=client_credentials&scope=express-accounts-usage:read'"
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s -G -H \"Authorization: Bearer $TD_TOKEN\" \"" + base + "/express/usage/month\" --data-urlencode"
                + " \"filter=account_id eq '" + sub + "'\" -d per_page=5");
        out.flush();
    }

    /** The invoices of the first sub account (newest first), one's details and PDF, and the invoice report. */
    private static void invoiceLines(App app, String base, String master, String sub) {
        var w = app.wiring();
        var invoices = w.invoiceQueries.list(AccountId.parse(sub).orElseThrow(), null);
        var out = System.out;
        var auth = "  curl -s -H \"Authorization: Bearer $TOKEN\" ";
        out.println(auth + "\"" + base + "/v2/accounts/" + sub + "/billing/invoices\"");
        if (!invoices.isEmpty()) {
            var newest = invoices.getFirst().invoiceId();
            out.println(auth + "\"" + base + "/v2/accounts/" + sub + "/billing/invoices/" + newest + "\"");
            out.println(auth + "-o " + newest + ".pdf \"" + base + "/v2/billing/invoices/" + newest + "/download\"");
        }
        out.println(auth + "\"" + base + "/v2/accounts/billing/invoice_reports\"");
        w.invoiceReportQueries.page(AccountId.parse(master).orElseThrow(), Long.MAX_VALUE, 1).forEach(r -> out.println(auth
                + "\"" + base + "/v2/accounts/billing/invoice_reports/" + r.id() + "?download=true\""));
    }
}
