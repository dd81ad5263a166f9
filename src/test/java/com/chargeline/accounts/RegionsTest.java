package com.chargeline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {
    @Test
    void knows_iso_countries_in_any_case() {
        assertThat(Regions.country("us")).contains("US");
        assertThat(Regions.country("DE")).contains("DE");
        assertThat(Regions.country("XX")).isEmpty();
        assertThat(Regions.country("USA")).isEmpty();
    }

    @Test
    void checks_states_of_the_united_states_and_canada_only() {
        assertThat(Regions.state("US", "ca")).contains("CA");
        assertThat(Regions.state("US", "new york")).contains("NY");
        assertThat(Regions.state("US", "ON")).isEmpty();
        assertThat(Regions.state("CA", "ON")).contains("ON");
        assertThat(Regions.state("CA", "British Columbia")).contains("BC");
        assertThat(Regions.state("DE", "Bayern")).contains("Bayern");
    }
}
