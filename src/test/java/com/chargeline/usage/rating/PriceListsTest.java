package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.TestServer;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PriceListsTest {
    private static final String HEADER = "prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,"
            + "next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to\n";

    private static StringReader rates(String perMinute) {
        return new StringReader(HEADER + "1,United States,local," + perMinute + ",0,60,60,0,per_min,USD,,\n");
    }

    @Test
    void an_account_without_a_deck_or_with_an_empty_deck_has_no_price_list() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var master = server.master("No Deck").account().id();
            assertThat(w.priceLists.priceListFor(master)).isEmpty();

            var deck = w.createRateDeck.create(master, "Empty", "USD", 4);
            w.assignRateDeck.assign(master, master, deck.deckId());
            assertThat(w.priceLists.priceListFor(master)).isEmpty();
        }
    }

    @Test
    void a_new_version_is_priced_at_once_and_older_versions_stay_as_they_were() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var master = server.master("Versions").account().id();
            var deck = w.createRateDeck.create(master, "Std", "USD", 4);
            assertThat(w.importRates.calls(master, deck.deckId(), rates("0.05"))).isEqualTo(1);
            w.assignRateDeck.assign(master, master, deck.deckId());
            var first = w.priceLists.priceListFor(master).orElseThrow();
            assertThat(first.calls().info().version()).isEqualTo(1);
            assertThat(w.priceLists.priceListFor(master)).containsSame(first);

            assertThat(w.importRates.calls(master, deck.deckId(), rates("0.07"))).isEqualTo(2);
            var second = w.priceLists.priceListFor(master).orElseThrow();
            assertThat(second.calls().info().version()).isEqualTo(2);
            assertThat(second.calls().rates().getFirst().price().perMinute()).isEqualByComparingTo("0.07");

            assertThat(w.priceLists.load(deck.deckId(), 1)).isSameAs(first);
            assertThat(first.calls().rates().getFirst().price().perMinute()).isEqualByComparingTo("0.05");
            assertThat(w.priceLists.load(deck.deckId(), 2)).isSameAs(second);
        }
    }

    @Test
    void assigning_another_deck_switches_the_price_list_and_a_sub_account_follows_its_master() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var tenant = server.master("Switch");
            var master = tenant.account().id();
            var sub = server.sub(tenant, "Switch Sub", PayMode.MASTER).account().id();
            var standard = w.createRateDeck.create(master, "Standard", "USD", 4);
            var premium = w.createRateDeck.create(master, "Premium", "USD", 4);
            w.importRates.calls(master, standard.deckId(), rates("0.05"));
            w.importRates.calls(master, premium.deckId(), rates("0.09"));

            w.assignRateDeck.assign(master, master, standard.deckId());
            assertThat(w.priceLists.priceListFor(master).orElseThrow().calls().info().deckId()).isEqualTo(standard.deckId());
            assertThat(w.priceLists.priceListFor(sub).orElseThrow().calls().info().deckId()).isEqualTo(standard.deckId());

            w.assignRateDeck.assign(master, master, premium.deckId());
            assertThat(w.priceLists.priceListFor(master).orElseThrow().calls().info().deckId()).isEqualTo(premium.deckId());
            assertThat(w.priceLists.priceListFor(sub).orElseThrow().calls().info().deckId()).isEqualTo(premium.deckId());

            w.assignRateDeck.assign(master, sub, standard.deckId());
            assertThat(w.priceLists.priceListFor(sub).orElseThrow().calls().info().deckId()).isEqualTo(standard.deckId());
            assertThat(w.priceLists.priceListFor(master).orElseThrow().calls().info().deckId()).isEqualTo(premium.deckId());
        }
    }
}
