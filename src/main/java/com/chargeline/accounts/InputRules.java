package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Content rules for the free-text fields of accounts and billing contacts. Zoom answers
 * {@code 300 Your request was not accepted because "<field>" contains special character(s).}
 * without saying which characters are special; Chargeline refuses markup, quoting and
 * shell/template metacharacters and control characters, and allows letters of any script, digits,
 * spaces and the punctuation real names and addresses use ({@code . , ' - / # & ( ) + @}).
 */
public final class InputRules {
    private static final String SPECIAL = "<>\"\\{}[]^~|`;$%*=!?";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\-. x]*$");

    private InputRules() {
    }

    public static boolean hasSpecialCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) || SPECIAL.indexOf(c) >= 0);
    }

    /** Refuses a text field with special characters, naming the field as Zoom does. */
    public static void requirePlainText(String field, String value) {
        if (value != null && hasSpecialCharacters(value)) {
            throw new Invalid(ErrorCode.SPECIAL_CHARACTERS,
                    "Your request was not accepted because \"" + field + "\" contains special character(s).",
                    Map.of("field", field));
        }
    }

    public static void requirePhone(String field, String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            throw new Invalid(ErrorCode.SPECIAL_CHARACTERS,
                    "Your request was not accepted because \"" + field + "\" contains special character(s).",
                    Map.of("field", field));
        }
    }

    public static void requireMaxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalidField(field, "The value must be at most " + max + " characters long.");
        }
    }

    public static void requireEmail(String field, String value) {
        if (value == null || value.length() > 128 || !EMAIL.matcher(value).matches()) {
            throw invalidField(field, "Invalid email address.");
        }
    }

    public static void requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalidField(field, "This field is required.");
        }
    }

    public static Invalid invalidField(String field, String message) {
        return new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                List.of(new FieldError(field, message)));
    }
}
