package com.chargeline.api.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.api.talkdesk.UsageFilter.AccountComparison;
import com.chargeline.api.talkdesk.UsageFilter.And;
import com.chargeline.api.talkdesk.UsageFilter.MonthComparison;
import com.chargeline.api.talkdesk.UsageFilter.Node;
import com.chargeline.api.talkdesk.UsageFilter.Op;
import com.chargeline.api.talkdesk.UsageFilter.Or;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.id.AccountId;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the filter language: the documented examples, every operator, precedence, quoting, and every error. */
class UsageFilterTest {
    static final AccountId A = new AccountId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final AccountId B = new AccountId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    static final AccountId C = new AccountId(UUID.fromString("00000000-0000-0000-0000-000000000003"));

    static Node month(Op op, String month) {
        return new MonthComparison(op, YearMonth.parse(month));
    }

    static Node account(Op op, AccountId account) {
        return new AccountComparison(op, account);
    }

    static Node parsed(String filter) {
        return UsageFilter.parse(filter).root().orElseThrow();
    }

    static void refused(String filter, String message) {
        assertThatThrownBy(() -> UsageFilter.parse(filter)).isInstanceOfSatisfying(UsageQueryError.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.fieldError()).isEqualTo(new FieldError("filter", message));
        });
    }

    @Test
    void the_three_documented_examples_parse_with_our_account_ids_in_place_of_talkdesk_ones() {
        assertThat(parsed("account_id eq '" + A.wire() + "'")).isEqualTo(account(Op.EQ, A));
        assertThat(parsed("account_id eq '" + A.wire() + "' or account_id eq '" + B.wire() + "'"))
                .isEqualTo(new Or(List.of(account(Op.EQ, A), account(Op.EQ, B))));
        assertThat(parsed("(month eq '2003-12' and account_id eq '" + A.wire() + "')"))
                .isEqualTo(new And(List.of(month(Op.EQ, "2003-12"), account(Op.EQ, A))));
    }

    @Test
    void the_documented_examples_verbatim_are_refused_because_a_talkdesk_id_is_not_one_of_our_account_ids() {
        var notOurs = "expected an account id (22 characters of A-Z, a-z, 0-9, - and _) at position %d,"
                + " got '5ea75fe7aa224700012eae40'";
        refused("account_id eq '5ea75fe7aa224700012eae40'", notOurs.formatted(15));
        refused("account_id eq '5ea75fe7aa224700012eae40' or account_id eq '4ae75fe7aa224700012eae29'",
                notOurs.formatted(15));
        refused("(month eq '2003-12' and account_id eq '5ea75fe7aa224700012eae40')", notOurs.formatted(39));
    }

    @Test
    void the_misspelt_field_of_talkdesk_documentation_is_an_unknown_field() {
        refused("accound_id eq '" + A.wire() + "'", "unexpected 'accound_id' at position 1: expected account_id, month or '('");
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void every_operator_compares_months_in_time_order(Op op) {
        var filter = UsageFilter.parse("month " + op.wire() + " '2024-03'");
        assertThat(filter.root()).contains(month(op, "2024-03"));
        var outcomes = List.of("2024-02", "2024-03", "2024-04").stream()
                .map(m -> filter.matches(A.value(), YearMonth.parse(m))).toList();
        assertThat(outcomes).isEqualTo(switch (op) {
            case EQ -> List.of(false, true, false);
            case NE -> List.of(true, false, true);
            case GT -> List.of(false, false, true);
            case GE -> List.of(false, true, true);
            case LT -> List.of(true, false, false);
            case LE -> List.of(true, true, false);
        });
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void every_operator_compares_account_ids_in_the_order_of_their_bytes(Op op) {
        var filter = UsageFilter.parse("account_id " + op.wire() + " '" + B.wire() + "'");
        assertThat(filter.root()).contains(account(op, B));
        assertThat(filter.mentionedAccounts()).containsExactly(B);
        var outcomes = List.of(A, B, C).stream().map(a -> filter.matches(a.value(), YearMonth.of(2024, 1))).toList();
        assertThat(outcomes).isEqualTo(switch (op) {
            case EQ -> List.of(false, true, false);
            case NE -> List.of(true, false, true);
            case GT -> List.of(false, false, true);
            case GE -> List.of(false, true, true);
            case LT -> List.of(true, false, false);
            case LE -> List.of(true, true, false);
        });
    }

    @Test
    void account_ids_order_unsigned_like_postgresql_not_like_java_uuid_compare() {
        var high = new AccountId(UUID.fromString("80000000-0000-0000-0000-000000000000"));
        var filter = UsageFilter.parse("account_id gt '" + A.wire() + "'");
        assertThat(high.value().compareTo(A.value())).isNegative();
        assertThat(filter.matches(high.value(), YearMonth.of(2024, 1))).isTrue();
    }

    @Test
    void and_binds_tighter_than_or() {
        var m1 = month(Op.EQ, "2024-01");
        var m2 = month(Op.EQ, "2024-02");
        var a = account(Op.EQ, A);
        assertThat(parsed("month eq '2024-01' or month eq '2024-02' and account_id eq '" + A.wire() + "'"))
                .isEqualTo(new Or(List.of(m1, new And(List.of(m2, a)))));
        assertThat(parsed("month eq '2024-01' and month eq '2024-02' or account_id eq '" + A.wire() + "'"))
                .isEqualTo(new Or(List.of(new And(List.of(m1, m2)), a)));
        var filter = UsageFilter.parse("month eq '2024-01' or month eq '2024-02' and account_id eq '" + A.wire() + "'");
        assertThat(filter.matches(B.value(), YearMonth.of(2024, 1))).isTrue();
        assertThat(filter.matches(B.value(), YearMonth.of(2024, 2))).isFalse();
    }

    @Test
    void parentheses_override_the_precedence() {
        var filter = UsageFilter.parse("(month eq '2024-01' or month eq '2024-02') and account_id eq '" + A.wire() + "'");
        assertThat(filter.root()).contains(new And(List.of(
                new Or(List.of(month(Op.EQ, "2024-01"), month(Op.EQ, "2024-02"))), account(Op.EQ, A))));
        assertThat(filter.matches(B.value(), YearMonth.of(2024, 1))).isFalse();
        assertThat(filter.matches(A.value(), YearMonth.of(2024, 2))).isTrue();
    }

    @Test
    void nested_and_redundant_parentheses_leave_no_node_and_chains_stay_flat() {
        assertThat(parsed("((( month eq '2024-01' )))")).isEqualTo(month(Op.EQ, "2024-01"));
        assertThat(parsed("month lt '2024-01' or month gt '2024-06' or month eq '2024-03'")).isEqualTo(new Or(List.of(
                month(Op.LT, "2024-01"), month(Op.GT, "2024-06"), month(Op.EQ, "2024-03"))));
        assertThat(parsed("(month ge '2024-01' and (month le '2024-03' or (account_id ne '" + A.wire() + "')))"))
                .isEqualTo(new And(List.of(month(Op.GE, "2024-01"),
                        new Or(List.of(month(Op.LE, "2024-03"), account(Op.NE, A))))));
    }

    @Test
    void an_or_or_and_node_has_two_or_more_terms() {
        assertThatThrownBy(() -> new Or(List.of(account(Op.EQ, A)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new And(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tabs_and_missing_spaces_around_parentheses_and_quotes_are_fine() {
        assertThat(parsed("(month\teq\t'2024-01')or(month eq'2024-02')")).isEqualTo(new Or(List.of(
                month(Op.EQ, "2024-01"), month(Op.EQ, "2024-02"))));
    }

    @Test
    void the_canonical_text_parses_back_to_the_same_filter() {
        var filter = UsageFilter.parse("(month ge '2024-01'  and (month le '2024-03' or account_id ne '" + A.wire()
                + "')) or (account_id eq '" + B.wire() + "' or month eq '0001-01')");
        assertThat(filter.toString()).isEqualTo("(month ge '2024-01' and (month le '2024-03' or account_id ne '"
                + A.wire() + "')) or (account_id eq '" + B.wire() + "' or month eq '0001-01')");
        assertThat(UsageFilter.parse(filter.toString())).isEqualTo(filter);
    }

    @Test
    void mentioned_accounts_are_every_account_compared_with_once_in_order_of_appearance() {
        var filter = UsageFilter.parse("account_id eq '" + B.wire() + "' or (account_id gt '" + A.wire()
                + "' and month eq '2024-01') or account_id eq '" + B.wire() + "'");
        assertThat(filter.mentionedAccounts()).containsExactly(B, A);
        assertThat(UsageFilter.parse("month eq '2024-01'").mentionedAccounts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \t"})
    void an_empty_or_blank_filter_is_no_filter(String blank) {
        assertThat(UsageFilter.parse(blank)).isEqualTo(UsageFilter.all());
        assertThat(UsageFilter.parse(null)).isEqualTo(UsageFilter.all());
        assertThat(UsageFilter.all().matches(A.value(), YearMonth.of(1999, 12))).isTrue();
        assertThat(UsageFilter.all().mentionedAccounts()).isEmpty();
    }

    @Test
    void a_doubled_quote_inside_a_value_is_one_quote_which_no_month_or_account_id_holds() {
        refused("account_id eq 'O''Brien'", "expected an account id (22 characters of A-Z, a-z, 0-9, - and _) at"
                + " position 15, got 'O'Brien'");
        refused("month eq '2024''01'", "expected a month 'YYYY-MM' at position 10, got '2024'01'");
        refused("month eq ''", "expected a month 'YYYY-MM' at position 10, got ''");
    }

    @Test
    void bad_quoting_is_refused_where_it_starts() {
        refused("month eq '2024-01", "unterminated quoted value starting at position 10");
        refused("month eq '2024-01''", "unterminated quoted value starting at position 10");
        refused("month eq '2024-01' or month eq '2024-02", "unterminated quoted value starting at position 32");
        refused("month eq 2024-01", "unexpected '2024-01' at position 10: expected a single-quoted value such as '2024-01'");
        refused("month eq \"2024-01\"",
                "unexpected '\"2024-01\"' at position 10: expected a single-quoted value such as '2024-01'");
        refused("'month' eq '2024-01'", "unexpected value 'month' at position 1: expected account_id, month or '('");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00", "0000-01", "24-01", "2024-1", "2024-01-01", "２０２４-01", " 2024-01",
        "2024/01", "-202-01"})
    void a_month_must_be_yyyy_mm_with_a_real_month(String bad) {
        refused("month eq '" + bad + "'", "expected a month 'YYYY-MM' at position 10, got '" + bad + "'");
    }

    @Test
    void unknown_fields_and_operators_are_named_with_their_position() {
        refused("name eq 'x'", "unexpected 'name' at position 1: expected account_id, month or '('");
        refused("month like '2024-01'", "unexpected 'like' at position 7: expected eq, ne, gt, ge, lt or le");
        refused("account_id in ('" + A.wire() + "')", "unexpected 'in' at position 12: expected eq, ne, gt, ge, lt or le");
        refused("month = '2024-01'", "unexpected '=' at position 7: expected eq, ne, gt, ge, lt or le");
        refused("not month eq '2024-01'", "unexpected 'not' at position 1: expected account_id, month or '('");
    }

    @Test
    void keywords_and_fields_are_lower_case_and_the_message_says_so() {
        refused("month EQ '2024-01'",
                "unexpected 'EQ' at position 7: expected eq, ne, gt, ge, lt or le (keywords and fields are lower-case)");
        refused("Month eq '2024-01'",
                "unexpected 'Month' at position 1: expected account_id, month or '(' (keywords and fields are lower-case)");
        refused("month eq '2024-01' AND month eq '2024-02'", "unexpected 'AND' at position 20: expected and, or or the"
                + " end of the filter (keywords and fields are lower-case)");
    }

    @Test
    void trailing_garbage_missing_operands_and_unbalanced_parentheses_are_refused() {
        refused("month eq '2024-01' )", "unexpected ')' at position 20: expected and, or or the end of the filter");
        refused("month eq '2024-01' month", "unexpected 'month' at position 20: expected and, or or the end of the filter");
        refused("month eq '2024-01' '2024-02'",
                "unexpected value '2024-02' at position 20: expected and, or or the end of the filter");
        refused("month eq '2024-01' and", "unexpected end of filter at position 23: expected account_id, month or '('");
        refused("or month eq '2024-01'", "unexpected 'or' at position 1: expected account_id, month or '('");
        refused("month eq", "unexpected end of filter at position 9: expected a single-quoted value such as '2024-01'");
        refused("month", "unexpected end of filter at position 6: expected eq, ne, gt, ge, lt or le");
        refused("(month eq '2024-01'",
                "unexpected end of filter at position 20: expected and, or or ')' to close the '(' at position 1");
        refused("((month eq '2024-01') x", "unexpected 'x' at position 23: expected and, or or ')' to close the '('"
                + " at position 1");
        refused("()", "unexpected ')' at position 2: expected account_id, month or '('");
    }

    @Test
    void control_characters_are_refused_and_long_pieces_are_cut_in_messages() {
        refused("month eq '2024-01'\nor month eq '2024-02'",
                "unexpected character U+000A at position 19: only spaces and tabs separate words");
        refused("month eq '" + "9".repeat(50) + "'",
                "expected a month 'YYYY-MM' at position 10, got '" + "9".repeat(40) + "…'");
        refused("😀 eq '2024-01' or x", "unexpected '😀' at position 1: expected account_id, month or '('");
        refused("month eq '2024-01' or 😀 x", "unexpected '😀' at position 23: expected account_id, month or '('");
        refused("month eq '😀😀'\n", "unexpected character U+000A at position 14: only spaces and tabs separate words");
    }
}
