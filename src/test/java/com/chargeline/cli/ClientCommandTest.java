package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.common.error.NotFound;
import com.chargeline.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCommandTest {
    private static CliRun client(TestServer server, String... args) {
        var all = new java.util.ArrayList<>(List.of("client"));
        all.addAll(List.of(args));
        all.addAll(List.of("--db-url", server.dbUrl, "--db-user", "postgres"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void lists_and_revokes_an_account_s_clients() {
        try (var server = new TestServer()) {
            var master = server.master("Client Keeper");
            var w = server.app.wiring();
            server.clock.advance(java.time.Duration.ofMinutes(1));
            var extra = w.createApiClient.create(master.account().id(), List.of(), "ci-bot");

            var listed = client(server, "list", "--account", master.id());
            assertThat(listed.exit()).as(listed.err()).isZero();
            var lines = listed.out().strip().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("client_id\tname\tscopes\tcreated_at\tstatus");
            assertThat(lines.get(1)).startsWith(master.clientId() + "\t").endsWith("\tactive");
            assertThat(lines.get(2)).startsWith(extra.client().clientId() + "\tci-bot\t")
                    .contains(String.join(",", extra.client().scopes()), extra.client().createdAt().toString()).endsWith("\tactive");

            var revoked = client(server, "revoke", "--account", master.id(), "--client", extra.client().clientId());
            assertThat(revoked.exit()).as(revoked.err()).isZero();
            assertThat(revoked.out()).contains("revoked API client " + extra.client().clientId());
            assertThat(w.apiClientQueries.authenticate(extra.client().clientId(), extra.clientSecret())).isEmpty();
            assertThat(w.apiClientQueries.active(master.clientId())).isPresent();

            var again = client(server, "revoke", "--account", master.id(), "--client", extra.client().clientId());
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("was already revoked; nothing changed");

            var after = client(server, "list", "--account", master.id()).out().strip().lines().toList();
            assertThat(after.get(1)).endsWith("\tactive");
            assertThat(after.get(2)).matches(".*\trevoked \\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @Test
    void exempts_a_client_from_the_rate_limits_and_applies_them_again() {
        try (var server = com.chargeline.testing.TestServer.withRateLimits(com.chargeline.api.limits.RateRules.defaults())) {
            var master = server.master("Exempt Me");
            var off = client(server, "rate-limits", "--account", master.id(), "--client", master.clientId(), "off");
            assertThat(off.exit()).as(off.err()).isZero();
            assertThat(off.out()).contains("rate limits off for API client " + master.clientId());
            assertThat(server.api.get("/v2/accounts", master.token()).header("X-RateLimit-Category")).isNull();
            var on = client(server, "rate-limits", "--account", master.id(), "--client", master.clientId(), "on");
            assertThat(on.exit()).as(on.err()).isZero();
            assertThat(server.api.get("/v2/accounts", master.token()).header("X-RateLimit-Category")).isEqualTo("Medium");
            var bad = client(server, "rate-limits", "--account", master.id(), "--client", master.clientId(), "maybe");
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.reason()).isEqualTo("chargeline: rate-limits takes on or off, got maybe");
            var unknown = client(server, "rate-limits", "--account", master.id(), "--client", "nope", "off");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.reason()).isEqualTo("chargeline: account " + master.id() + " has no API client nope");
        }
    }

    @Test
    void an_unknown_client_or_another_account_s_client_is_bad_usage() {
        try (var server = new TestServer()) {
            var master = server.master("Owner");
            var other = server.master("Someone Else");
            for (var clientId : List.of("no-such-client", other.clientId())) {
                var result = client(server, "revoke", "--account", master.id(), "--client", clientId);
                assertThat(result.exit()).isEqualTo(2);
                assertThat(result.reason()).isEqualTo("chargeline: account " + master.id() + " has no API client " + clientId);
            }
            assertThat(server.app.wiring().apiClientQueries.active(other.clientId())).as("untouched").isPresent();
            var missing = com.chargeline.common.id.AccountId.random().wire();
            var unknownAccount = client(server, "list", "--account", missing);
            assertThat(unknownAccount.exit()).isEqualTo(2);
            assertThat(unknownAccount.reason()).isEqualTo("chargeline: no account " + missing);
        }
    }

    @Test
    void the_use_case_and_the_read_class_have_the_signatures_the_http_endpoints_will_use() {
        try (var server = new TestServer()) {
            var master = server.master("Domain");
            var w = server.app.wiring();
            server.clock.advance(java.time.Duration.ofMinutes(1));
            var second = w.createApiClient.create(master.account().id(), List.of(), "second");
            assertThat(w.apiClientQueries.list(master.account().id())).extracting(c -> c.clientId())
                    .containsExactly(master.clientId(), second.client().clientId());
            assertThat(w.revokeApiClient.revoke(master.account().id(), second.client().clientId())).isTrue();
            assertThat(w.revokeApiClient.revoke(master.account().id(), second.client().clientId())).isFalse();
            assertThat(w.apiClientQueries.list(master.account().id()).getLast().revokedAt()).isEqualTo(server.clock.instant());
            assertThatThrownBy(() -> w.revokeApiClient.revoke(master.account().id(), "nope"))
                    .isInstanceOfSatisfying(NotFound.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("API client does not exist: nope.");
                        assertThat(e.args()).containsEntry("id", "nope");
                    });
        }
    }

    @Test
    void refused_option_values_of_client_create_and_account_create_master_are_bad_usage() {
        try (var server = new TestServer()) {
            var master = server.master("Scoped");
            var scopes = client(server, "create", "--account", master.id(), "--scopes", "no:such:scope");
            assertThat(scopes.exit()).isEqualTo(2);
            assertThat(scopes.reason()).isEqualTo("chargeline: Unknown scope: no:such:scope.");
            var account = CliRun.of("account", "create-master", "--name", "N", "--email", "n@example.com", "--first-name", "F",
                    "--last-name", "L", "--country", "XX", "--db-url", server.dbUrl, "--db-user", "postgres");
            assertThat(account.exit()).isEqualTo(2);
            assertThat(account.reason()).isEqualTo("chargeline: Invalid country parameter: XX.");
        }
    }
}
