package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An account's API clients can be listed, created and revoked; revocation holds at once on every node. */
class NativeApiClientEndpointsTest {
    static TestServer server;
    static TestServer secondNode;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        secondNode = server.secondNode();
        master = server.master("Clients Master");
    }

    @AfterAll
    static void stop() {
        secondNode.close();
        server.close();
    }

    private static String clientsPath(String account) {
        return "/api/v1/accounts/" + account + "/api_clients";
    }

    @Test
    void a_revoked_clients_live_tokens_are_refused_at_once_on_both_nodes() {
        var created = server.api.post(clientsPath("me"), master.token(), "{\"name\":\"billing export\",\"scopes\":[\"phone:read:admin\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var clientId = created.json().get("client_id").asText();
        var secret = created.json().get("client_secret").asText();
        assertThat(created.json().get("scopes").toString()).isEqualTo("[\"phone:read:admin\"]");
        assertThat(created.json().get("status").asText()).isEqualTo("active");

        var token = server.api.token(master.id(), clientId, secret).json().get("access_token").asText();
        assertThat(server.api.get("/v2/phone/reports/call_charges", token).status()).isEqualTo(200);
        assertThat(secondNode.api.get("/v2/phone/reports/call_charges", token).status()).isEqualTo(200);

        assertThat(server.api.delete(clientsPath("me") + "/" + clientId, master.token()).status()).isEqualTo(204);

        for (var node : List.of(server, secondNode)) {
            var refused = node.api.get("/v2/phone/reports/call_charges", token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"code\":124,\"message\":\"Invalid access token.\"}");
        }
        var again = server.api.token(master.id(), clientId, secret);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_client");

        var listed = server.api.get(clientsPath(master.id()), master.token()).json().get("api_clients");
        var entry = listed.findValues("client_id").stream().filter(n -> n.asText().equals(clientId)).count();
        assertThat(entry).isEqualTo(1);
        for (var c : listed) {
            if (c.get("client_id").asText().equals(clientId)) {
                assertThat(c.get("status").asText()).isEqualTo("revoked");
                assertThat(c.get("revoked_at").asText()).isEqualTo("2026-11-24T10:00:00Z");
                assertThat(c.get("name").asText()).isEqualTo("billing export");
                assertThat(c.has("client_secret")).isFalse();
            } else {
                assertThat(c.get("status").asText()).isEqualTo("active");
                assertThat(c.has("revoked_at")).isFalse();
            }
        }
        assertThat(server.api.delete(clientsPath("me") + "/" + clientId, master.token()).status())
                .as("revoking twice changes nothing").isEqualTo(204);
    }

    @Test
    void a_master_manages_its_subs_clients_but_not_anyone_elses() {
        var sub = server.sub(master, "Clients Sub", PayMode.MASTER);
        var created = server.api.post(clientsPath(sub.id()), master.token(), "{}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEmpty();
        var other = server.master("Clients Other");
        var foreign = server.api.get(clientsPath(other.id()), master.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + other.id() + ".\"}");
        assertThat(server.api.get(clientsPath("me"), sub.token()).json().get("code").asInt())
                .as("a sub's default scopes do not manage clients").isEqualTo(4711);
    }

    @Test
    void bad_requests_are_refused_naming_the_field() {
        var unknown = server.api.delete(clientsPath("me") + "/nope", master.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"code\":404,\"message\":\"API client does not exist: nope.\"}");
        var sub = server.sub(master, "Clients Sub Scope", PayMode.MASTER);
        assertThat(server.api.post(clientsPath(sub.id()), master.token(), "{\"scopes\":[\"account:master\"]}").status())
                .isEqualTo(400);
        var misspelt = server.api.post(clientsPath("me"), master.token(), "{\"nmae\":\"x\"}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().at("/errors/0/field").asText()).isEqualTo("nmae");
        var longName = server.api.post(clientsPath("me"), master.token(), "{\"name\":\"" + "n".repeat(101) + "\"}");
        assertThat(longName.json().at("/errors/0/field").asText()).isEqualTo("name");
        var twice = server.api.post(clientsPath("me"), master.token(), "{\"scopes\":[\"phone:read:admin\",\"phone:read:admin\"]}");
        assertThat(twice.json().at("/errors/0/field").asText()).isEqualTo("scopes");
    }
}
