package com.chargeline.api.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The length, nesting and comparison caps: the largest allowed filters parse, one more is a clear 400. */
class UsageFilterLimitsTest {
    static final String ONE = "month eq '2024-01'";

    static void refused(String filter, String message) {
        assertThatThrownBy(() -> UsageFilter.parse(filter)).isInstanceOf(UsageQueryError.class).hasMessage(message);
    }

    static String nested(int depth) {
        return "(".repeat(depth) + ONE + ")".repeat(depth);
    }

    static String chain(int comparisons) {
        return String.join(" or ", java.util.Collections.nCopies(comparisons, ONE));
    }

    @Test
    void a_filter_of_1600_characters_parses_and_one_of_1601_is_refused_before_parsing() {
        var longest = ONE + " ".repeat(UsageFilter.MAX_LENGTH - ONE.length());
        assertThat(longest).hasSize(1600);
        assertThat(UsageFilter.parse(longest).root()).isPresent();
        refused(longest + " ", "the filter is 1601 characters long; the maximum is 1600");
        refused(longest + "😀", "the filter is 1601 characters long; the maximum is 1600");
    }

    @Test
    void parentheses_nest_32_deep_and_no_deeper() {
        assertThat(UsageFilter.parse(nested(32)).toString()).isEqualTo(ONE);
        refused(nested(33), "parentheses nested deeper than 32 at position 33");
        refused("(".repeat(1600), "parentheses nested deeper than 32 at position 33");
        refused("(month eq '2024-01' or ".repeat(40) + ONE + ")".repeat(40),
                "parentheses nested deeper than 32 at position 737");
    }

    @Test
    void a_filter_holds_64_comparisons_and_the_65th_is_named() {
        assertThat(UsageFilter.parse(chain(64)).root()).isPresent();
        assertThat(chain(65)).hasSizeLessThan(UsageFilter.MAX_LENGTH);
        refused(chain(65), "more than 64 comparisons: the one at position 1409 is too many");
    }

    @Test
    void hostile_sizes_fail_on_the_length_cap_without_work() {
        refused(chain(10_000), "the filter is " + chain(10_000).length() + " characters long; the maximum is 1600");
        refused(nested(10_000), "the filter is " + nested(10_000).length() + " characters long; the maximum is 1600");
        refused("'".repeat(1601), "the filter is 1601 characters long; the maximum is 1600");
        refused("'".repeat(1599), "unterminated quoted value starting at position 1");
    }

    @Test
    void the_largest_filter_evaluates_and_compiles_to_one_parameter_per_comparison() {
        var filter = UsageFilter.parse(chain(64));
        assertThat(filter.matches(UUID.randomUUID(), YearMonth.of(2024, 1))).isTrue();
        assertThat(filter.compile("account_id", "month").params()).hasSize(64);
        assertThat(UsageFilter.parse(nested(32)).compile("account_id", "month").sql()).isEqualTo("(month = :filter_0)");
    }
}
