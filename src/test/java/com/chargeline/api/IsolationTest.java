package com.chargeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two masters on one server: neither can see, change or even detect the other's accounts. */
class IsolationTest {
    static TestServer server;
    static TestServer.Tenant alpha;
    static TestServer.Tenant beta;
    static TestServer.Tenant betaSub;

    @BeforeAll
    static void start() {
        server = new TestServer();
        alpha = server.master("Alpha Reseller");
        beta = server.master("Beta Reseller");
        server.sub(alpha, "Alpha Customer", PayMode.MASTER);
        betaSub = server.sub(beta, "Beta Customer", PayMode.MASTER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_master_lists_only_its_own_sub_accounts() {
        var list = server.api.get("/v2/accounts", alpha.token()).json();
        assertThat(list.get("total_records").asInt()).isEqualTo(1);
        assertThat(list.get("accounts").get(0).get("account_name").asText()).isEqualTo("Alpha Customer");
    }

    @Test
    void another_masters_accounts_are_answered_exactly_like_missing_ones() {
        var missing = "AAAAAAAAAAAAAAAAAAAAAA";
        for (var target : new String[] {betaSub.id(), beta.id()}) {
            for (var suffix : new String[] {"", "/billing"}) {
                var foreign = server.api.get("/v2/accounts/" + target + suffix, alpha.token());
                var absent = server.api.get("/v2/accounts/" + missing + suffix, alpha.token());
                assertThat(foreign.status()).isEqualTo(404).isEqualTo(absent.status());
                assertThat(foreign.body()).isEqualTo(absent.body().replace(missing, target));
            }
        }
        assertThat(server.api.patch("/v2/accounts/" + betaSub.id() + "/billing", alpha.token(), "{\"city\":\"X\"}")
                .status()).isEqualTo(404);
        assertThat(server.api.patch("/v2/accounts/" + betaSub.id() + "/options", alpha.token(), "{\"pay_mode\":\"sub\"}")
                .status()).isEqualTo(404);
        assertThat(server.api.delete("/v2/accounts/" + betaSub.id(), alpha.token()).status()).isEqualTo(404);
    }

    @Test
    void nothing_the_other_master_tried_changed_its_data() {
        another_masters_accounts_are_answered_exactly_like_missing_ones();
        var contact = server.api.get("/v2/accounts/" + betaSub.id() + "/billing", beta.token()).json();
        assertThat(contact.get("city").asText()).isEmpty();
        assertThat(server.api.get("/v2/accounts", beta.token()).json().get("total_records").asInt()).isEqualTo(1);
        assertThat(server.api.get("/v2/accounts/" + betaSub.id(), beta.token()).json().get("options")
                .get("pay_mode").asText()).isEqualTo("master");
    }

    @Test
    void a_sub_account_cannot_act_as_a_master() {
        var gamma = server.master("Gamma Reseller");
        var sub = server.sub(gamma, "Curious Sub", PayMode.MASTER);
        assertThat(server.api.get("/v2/accounts", sub.token()).status()).isEqualTo(401);
        assertThat(server.api.get("/v2/accounts/" + gamma.id(), sub.token()).status()).isEqualTo(404);
    }
}
