package com.chargeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.storage.Storage;
import com.chargeline.testing.Api;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's own embedded PostgreSQL in a data dir: everything survives a stop and a start. */
class AppRestartTest {
    @TempDir
    Path dataDir;

    private App start() {
        return App.start(new App.Config(new Storage.Target(dataDir, null, null, null, Map.of()), "127.0.0.1", 0, null,
                1_048_576, Clock.systemUTC()));
    }

    @Test
    void accounts_clients_tokens_and_contacts_survive_a_restart() {
        String masterId;
        String subId;
        String clientId;
        String secret;
        String token;
        try (var app = start()) {
            var w = app.wiring();
            for (var setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                String value = w.db.withHandle(h -> h.createQuery("SHOW " + setting).mapTo(String.class).one());
                assertThat(value).as("a committed batch survives a power cut only with " + setting + " on").isEqualTo("on");
            }
            var master = w.createAccount.createMaster(new NewAccount(new Account.Owner(null, "boss@restart.example",
                    "Rita", "Start"), "Restart-2026!", "Restart Inc", AccountOptions.defaults(), "US",
                    NewAccount.Extras.none()));
            var client = w.createApiClient.create(master.id(), List.of(), "restart");
            masterId = master.id().wire();
            clientId = client.client().clientId();
            secret = client.clientSecret();
            var api = new Api(app.port());
            token = api.token(masterId, clientId, secret).json().get("access_token").asText();
            subId = api.post("/v2/accounts", token, """
                    {"email":"kid@restart.example","first_name":"Kid","last_name":"Start","password":"Restart-2026!",
                     "options":{"pay_mode":"master"}}""").json().get("id").asText();
            assertThat(api.post("/v2/accounts/" + subId + "/plans", token, "{\"contact\":{\"first_name\":\"Kid\","
                    + "\"last_name\":\"Start\",\"email\":\"kid@restart.example\",\"phone_number\":\"+1 202 555 0100\","
                    + "\"address\":\"1 Main St\",\"city\":\"Before\",\"state\":\"VA\",\"zip\":\"22202\",\"country\":\"US\"},"
                    + "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}}").status()).isEqualTo(201);
            assertThat(api.patch("/v2/accounts/" + subId + "/billing", token, "{\"city\":\"Durable\"}").status())
                    .isEqualTo(200);
        }
        try (var app = start()) {
            var api = new Api(app.port());
            assertThat(api.get("/v2/accounts", token).json().get("accounts").get(0).get("id").asText())
                    .as("a token issued before the restart still works: its key is in the database").isEqualTo(subId);
            assertThat(api.get("/v2/accounts/" + subId + "/billing", token).json().get("city").asText())
                    .isEqualTo("Durable");
            assertThat(api.token(masterId, clientId, secret).status()).isEqualTo(200);
            assertThat(app.wiring().accountQueries.find(com.chargeline.common.id.AccountId.parse(subId).orElseThrow())
                    .orElseThrow().options().payMode()).isEqualTo(PayMode.MASTER);
        }
    }
}
