package com.chargeline.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Tr0ub4dor&3", "aaaaa1aaaaa", "abcde-12345", "Xyz98765A"})
    void accepts_passwords_without_runs_of_six(String password) {
        assertThatCode(() -> PasswordRules.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "Xaaaaaa1, PASSWORD_REPEATED_CHARACTERS",
        "111111ab, PASSWORD_REPEATED_CHARACTERS",
        "Q123456z, PASSWORD_CONSECUTIVE_CHARACTERS",
        "pass-abcdef, PASSWORD_CONSECUTIVE_CHARACTERS",
        "zyxwvu-Pass, PASSWORD_CONSECUTIVE_CHARACTERS",
        "short, VALIDATION_FAILED"})
    void refuses_runs_and_short_passwords(String password, ErrorCode code) {
        assertThatThrownBy(() -> PasswordRules.check(password))
                .isInstanceOfSatisfying(Invalid.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}
