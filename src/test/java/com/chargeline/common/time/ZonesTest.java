package com.chargeline.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A stored zone is read one way everywhere: a name that is no zone is an error, never a silent UTC. */
class ZonesTest {
    @Test
    void reads_zone_names_and_refuses_what_is_no_zone() {
        assertThat(Zones.stored("Asia/Kathmandu")).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        assertThat(Zones.stored("UTC")).isEqualTo(ZoneId.of("UTC"));
        for (var bad : new String[] {"Mars/Olympus", "", null}) {
            assertThatThrownBy(() -> Zones.stored(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not a time zone");
        }
    }
}
