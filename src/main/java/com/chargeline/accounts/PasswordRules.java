package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;

/**
 * Owner passwords given when a sub account is created. Zoom's messages name the two rules
 * ("repeated characters such as "aaaaaa"", "consecutive characters such as "abc" or "123"") but
 * not their lengths; Chargeline refuses a run of {@value #RUN} identical characters and a run of
 * {@value #RUN} ascending or descending letters or digits, the default of Zoom's enhanced password
 * setting. The password itself is not stored: Chargeline has no interactive sign-in.
 */
public final class PasswordRules {
    static final int RUN = 6;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    public static void check(String password) {
        InputRules.requireNonBlank("password", password);
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw InputRules.invalidField("password",
                    "The password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (longestRun(password, 0) >= RUN) {
            throw new Invalid(ErrorCode.PASSWORD_REPEATED_CHARACTERS,
                    "Password should not contain repeated characters such as \"aaaaaa\".");
        }
        if (longestRun(password, 1) >= RUN || longestRun(password, -1) >= RUN) {
            throw new Invalid(ErrorCode.PASSWORD_CONSECUTIVE_CHARACTERS,
                    "Password should not contain consecutive characters such as \"abc\" or \"123\".");
        }
    }

    /** The longest run where each character is the previous one plus {@code step} (same letter/digit class). */
    private static int longestRun(String s, int step) {
        int best = 1;
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            char prev = s.charAt(i - 1);
            char cur = s.charAt(i);
            boolean sameClass = step == 0 || (Character.isLetterOrDigit(prev) && Character.isLetter(prev) == Character.isLetter(cur));
            run = (sameClass && Character.toLowerCase(cur) - Character.toLowerCase(prev) == step) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }
}
