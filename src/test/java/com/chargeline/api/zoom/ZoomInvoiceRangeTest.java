package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.common.error.Invalid;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The defaults and limits of B3's from/to, on 2026-11-24. */
class ZoomInvoiceRangeTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static String range(String from, String to) {
        var r = ZoomInvoiceRange.of(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), TODAY);
        return r.from() + ".." + r.to();
    }

    private static String refusal(String from, String to) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(Invalid.class, () -> range(from, to));
        assertThat(thrown).as(from + ".." + to).isNotNull();
        var error = thrown.fieldErrors().get(0);
        return error.field() + ": " + error.message();
    }

    @Test
    void without_dates_the_past_year_up_to_today() {
        assertThat(range(null, null)).isEqualTo("2025-11-24..2026-11-24");
    }

    @Test
    void one_date_given_the_other_is_a_year_away_but_never_before_the_earliest_day() {
        assertThat(range("2026-01-15", null)).isEqualTo("2026-01-15..2027-01-15");
        assertThat(range(null, "2026-06-30")).isEqualTo("2025-06-30..2026-06-30");
        assertThat(range(null, "2024-03-01")).isEqualTo("2023-11-24..2024-03-01");
        assertThat(range(null, "2023-11-24")).isEqualTo("2023-11-24..2023-11-24");
    }

    @Test
    void a_year_at_most_and_the_past_three_years_at_most() {
        assertThat(range("2025-11-24", "2026-11-24")).isEqualTo("2025-11-24..2026-11-24");
        assertThat(range("2023-11-24", "2024-11-24")).isEqualTo("2023-11-24..2024-11-24");
        assertThat(refusal("2025-11-23", "2026-11-24")).isEqualTo("to: The range from from to to must not exceed one year.");
        assertThat(refusal("2023-11-23", null)).isEqualTo("from: Must fall within the past three years: not before 2023-11-24.");
        assertThat(refusal(null, "2023-11-23")).isEqualTo("to: Must fall within the past three years: not before 2023-11-24.");
        assertThat(refusal("2026-11-24", "2026-11-23")).isEqualTo("to: Must not be before from.");
        assertThatThrownBy(() -> range("2027-01-01", "2026-12-31")).isInstanceOf(Invalid.class);
    }
}
