package com.chargeline.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {
    @Test
    void round_trips_through_the_22_character_wire_form() {
        for (int i = 0; i < 1000; i++) {
            var id = AccountId.random();
            assertThat(id.wire()).hasSize(22).matches("[A-Za-z0-9_-]{22}");
            assertThat(AccountId.parse(id.wire())).contains(id);
        }
        assertThat(new AccountId(new UUID(0, 0)).wire()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "me", "TQTvjT52Tmi_wrhASNNOE", "TQTvjT52Tmi_wrhASNNOEwx", "TQTvjT52Tmi+wrhASNNOEw",
        "AAAAAAAAAAAAAAAAAAAAAB"})
    void refuses_anything_but_the_canonical_form(String wire) {
        assertThat(AccountId.parse(wire)).isEmpty();
    }
}
