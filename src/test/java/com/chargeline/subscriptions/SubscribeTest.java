package com.chargeline.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.PayMode;
import com.chargeline.common.error.Invalid;
import com.chargeline.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** B7 writes the plan lines, the billing contact given with them and the audit row in one transaction. */
class SubscribeTest {
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Subscribe Reseller");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static BillingContact contact(String firstName, String state) {
        return new BillingContact(new BillingContact.Person(firstName, "Hopper", "ap@navy.example", "+1 202 555 0175"),
                new BillingContact.Address("1 Navy Pier", "", "Arlington", state, "22202", "US"), null);
    }

    static PlanRequest request(List<PlanRequest.Line> addons) {
        return new PlanRequest(new PlanRequest.Line("plan_base", "monthly", 3), addons, PlanRequest.Options.NONE);
    }

    @Test
    void saves_the_contact_with_the_plan() {
        var sub = server.sub(master, "Both At Once", PayMode.MASTER);
        server.app.wiring().subscribe.subscribe(sub.account(), "test", request(List.of()), contact("Grace", "VA"));
        var wiring = server.app.wiring();
        assertThat(wiring.accountQueries.billingContact(sub.account().id()).person().firstName()).isEqualTo("Grace");
        assertThat(wiring.planQueries.plans(sub.account().id())).extracting(Subscription::type).containsExactly("monthly");
        assertThat(wiring.planQueries.auditLog(sub.account().id(), 10)).extracting(PlanAuditEntry::action)
                .containsExactly("subscribe");
    }

    @Test
    void a_plan_that_fails_to_be_written_leaves_the_contact_as_it_was() {
        var sub = server.sub(master, "Rolled Back", PayMode.MASTER);
        var wiring = server.app.wiring();
        var before = wiring.accountQueries.billingContact(sub.account().id());
        var twice = new PlanRequest.Line("plan_webinar", "webinar500_monthly", 1);
        // the catalog accepts both lines; the second breaks the one-live-line-per-type index after the contact is saved
        assertThatThrownBy(() -> wiring.subscribe.subscribe(sub.account(), "test", request(List.of(twice, twice)),
                contact("Grace", "VA"))).isNotInstanceOf(Invalid.class);
        assertThat(wiring.accountQueries.billingContact(sub.account().id())).isEqualTo(before);
        assertThat(wiring.planQueries.plans(sub.account().id())).isEmpty();
        assertThat(wiring.planQueries.auditLog(sub.account().id(), 10)).isEmpty();
    }

    @Test
    void a_refused_contact_leaves_the_account_without_a_plan() {
        var sub = server.sub(master, "Bad State", PayMode.MASTER);
        var wiring = server.app.wiring();
        assertThatThrownBy(() -> wiring.subscribe.subscribe(sub.account(), "test", request(List.of()),
                contact("Grace", "Atlantis"))).isInstanceOf(Invalid.class).hasMessage("Invalid state parameter: Atlantis.");
        assertThat(wiring.planQueries.plans(sub.account().id())).isEmpty();
        assertThat(wiring.planQueries.hasPlan(sub.account())).isFalse();
    }
}
