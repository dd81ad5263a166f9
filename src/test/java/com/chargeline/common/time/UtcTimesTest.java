package com.chargeline.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimesTest {
    @Property
    void readsEveryUtcTextLikeTheFullParser(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
                                            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        var instant = Instant.ofEpochSecond(seconds, nanos);
        var text = instant.toString();
        assertThat(UtcTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant()).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T10:15:30+01:00", "2026-11-24T10:15:30.5-08:00", "2026-11-24T10:15Z",
        "2026-11-24T10:15:30.Z"})
    void otherFormsGoToTheFullParser(String text) {
        assertThat(UtcTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-11-24T24:00:00Z",
        "2026-11-24T10:15:30.1234567890Z", "2026-1a-24T10:15:30Z", "2026-11-24 10:15:30Z", "2026-11-24T10:15:30"})
    void refusesWhatTheFullParserRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> UtcTimes.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
