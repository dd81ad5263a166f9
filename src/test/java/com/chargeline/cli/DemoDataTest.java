package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void seeds_once_and_reuses_accounts_and_credentials_on_restart() throws Exception {
        try (var server = new TestServer()) {
            var file = dir.resolve("demo-credentials.json");
            var first = new DemoData(server.app.wiring()).seed(file, "http://localhost:1");
            var second = new DemoData(server.app.wiring()).seed(file, "http://localhost:1");

            assertThat(second).isEqualTo(first);
            assertThat(first.subAccounts()).hasSize(4);
            assertThat(Files.readString(file)).contains("\"base_url\"", "\"account_id\"", "\"client_id\"",
                    "\"client_secret\"", "\"sub_accounts\"");
            var token = server.api.token(first.accountId(), first.clientId(), first.clientSecret())
                    .json().get("access_token").asText();
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
            for (var sub : first.subAccounts()) {
                assertThat(server.api.token(sub.accountId(), sub.clientId(), sub.clientSecret()).status()).isEqualTo(200);
            }

            Files.delete(file);
            var third = new DemoData(server.app.wiring()).seed(file, "http://localhost:1");
            assertThat(third.accountId()).isEqualTo(first.accountId());
            assertThat(third.clientId()).as("a lost credentials file gets new clients").isNotEqualTo(first.clientId());
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
        }
    }
}
