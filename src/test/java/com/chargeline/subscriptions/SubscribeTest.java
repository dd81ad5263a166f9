package com.chargeline.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.accounts.BillingContact;
import com.chargeline.accounts.PayMode;
import com.chargeline.common.error.FieldError;
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
        var webinar = new PlanRequest.Line("plan_webinar", "webinar500_monthly", 1);
        // the database refuses the add-on line after the base line and the contact are written
        wiring.db.withHandle(h -> h.execute("CREATE OR REPLACE FUNCTION subscribe_test_refuse() RETURNS trigger "
                + "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by SubscribeTest'; END $$"));
        wiring.db.withHandle(h -> h.execute("CREATE TRIGGER subscribe_test_refuse BEFORE INSERT ON subscription FOR EACH ROW WHEN (NEW.account_id = '"
                + sub.account().id().value() + "' AND NEW.plan_group = 'plan_webinar') EXECUTE FUNCTION subscribe_test_refuse()"));
        try {
            assertThatThrownBy(() -> wiring.subscribe.subscribe(sub.account(), "test", request(List.of(webinar)),
                    contact("Grace", "VA"))).isNotInstanceOf(Invalid.class).hasStackTraceContaining("refused by SubscribeTest");
        } finally {
            wiring.db.withHandle(h -> h.execute("DROP TRIGGER subscribe_test_refuse ON subscription"));
        }
        assertThat(wiring.accountQueries.billingContact(sub.account().id())).isEqualTo(before);
        assertThat(wiring.planQueries.plans(sub.account().id())).isEmpty();
        assertThat(wiring.planQueries.auditLog(sub.account().id(), 10)).isEmpty();
    }

    @Test
    void an_add_on_type_given_twice_is_refused_before_anything_is_written() {
        var sub = server.sub(master, "Twice", PayMode.MASTER);
        var wiring = server.app.wiring();
        var before = wiring.accountQueries.billingContact(sub.account().id());
        var first = new PlanRequest.Line("plan_webinar", "webinar500_monthly", 1, "plan_webinar[0].type");
        var other = new PlanRequest.Line("plan_webinar", "webinar1000_monthly", 1, "plan_webinar[1].type");
        var again = new PlanRequest.Line("plan_webinar", "webinar500_monthly", 2, "plan_webinar[2].type");
        assertThatThrownBy(() -> wiring.subscribe.subscribe(sub.account(), "test", request(List.of(first, other, again)),
                contact("Grace", "VA")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fieldErrors()).containsExactly(new FieldError(
                        "plan_webinar[2].type", "webinar500_monthly is already given at plan_webinar[0].type; each plan type "
                        + "may be given once.")))
                .hasMessage("Validation Failed.");
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
