package com.chargeline.api.talkdesk;

import com.chargeline.api.talkdesk.UsageFilter.AccountComparison;
import com.chargeline.api.talkdesk.UsageFilter.And;
import com.chargeline.api.talkdesk.UsageFilter.Field;
import com.chargeline.api.talkdesk.UsageFilter.MonthComparison;
import com.chargeline.api.talkdesk.UsageFilter.Node;
import com.chargeline.api.talkdesk.UsageFilter.Op;
import com.chargeline.api.talkdesk.UsageFilter.Or;
import com.chargeline.common.id.AccountId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive descent over {@code expr := term ('or' term)*; term := factor ('and' factor)*;
 * factor := '(' expr ')' | field op value}. Nesting and the number of comparisons are capped while parsing, so a
 * hostile filter fails early instead of exhausting the stack.
 */
final class UsageFilterParser {
    private static final String PARAMETER = "filter";
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "account_id", "month", "eq", "ne", "gt", "ge",
            "lt", "le");
    private static final int SHOWN = 40;

    private enum Kind { OPEN, CLOSE, WORD, QUOTED, END }

    /** A token: its kind, its text (a quoted value's unescaped content) and its start as a char index. */
    private record Token(Kind kind, String text, int start) {
    }

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int comparisons;

    UsageFilterParser(String source) {
        this.source = source;
        int length = source.codePointCount(0, source.length());
        if (length > UsageFilter.MAX_LENGTH) {
            throw error("the filter is " + length + " characters long; the maximum is " + UsageFilter.MAX_LENGTH);
        }
        this.tokens = tokenize();
    }

    Node parse() {
        var node = expr(0);
        var token = peek();
        if (token.kind() != Kind.END) {
            throw unexpected(token, "and, or or the end of the filter");
        }
        return node;
    }

    private Node expr(int depth) {
        var terms = new ArrayList<Node>();
        terms.add(term(depth));
        while (isWord(peek(), "or")) {
            next++;
            terms.add(term(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private Node term(int depth) {
        var factors = new ArrayList<Node>();
        factors.add(factor(depth));
        while (isWord(peek(), "and")) {
            next++;
            factors.add(factor(depth));
        }
        return factors.size() == 1 ? factors.get(0) : new And(factors);
    }

    private Node factor(int depth) {
        var token = take();
        if (token.kind() == Kind.OPEN) {
            if (depth >= UsageFilter.MAX_DEPTH) {
                throw error("parentheses nested deeper than " + UsageFilter.MAX_DEPTH + " at position "
                        + position(token));
            }
            var inner = expr(depth + 1);
            var close = take();
            if (close.kind() != Kind.CLOSE) {
                throw unexpected(close, "and, or or ')' to close the '(' at position " + position(token));
            }
            return inner;
        }
        Field field = token.kind() == Kind.WORD ? field(token.text()) : null;
        if (field == null) {
            throw unexpected(token, "account_id, month or '('");
        }
        if (++comparisons > UsageFilter.MAX_COMPARISONS) {
            throw error("more than " + UsageFilter.MAX_COMPARISONS + " comparisons: the one at position "
                    + position(token) + " is too many");
        }
        var opToken = take();
        Op op = opToken.kind() == Kind.WORD ? op(opToken.text()) : null;
        if (op == null) {
            throw unexpected(opToken, "eq, ne, gt, ge, lt or le");
        }
        var value = take();
        if (value.kind() != Kind.QUOTED) {
            throw unexpected(value, "a single-quoted value such as '2024-01'");
        }
        return field == Field.MONTH ? new MonthComparison(op, month(value)) : new AccountComparison(op, account(value));
    }

    private YearMonth month(Token value) {
        var text = value.text();
        if (MONTH.matcher(text).matches()) {
            int year = Integer.parseInt(text.substring(0, 4));
            int month = Integer.parseInt(text.substring(5));
            if (year >= 1 && month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        throw error("expected a month 'YYYY-MM' at position " + position(value) + ", got " + shown(text));
    }

    private AccountId account(Token value) {
        Optional<AccountId> account = AccountId.parse(value.text());
        return account.orElseThrow(() -> error("expected an account id (22 characters of A-Z, a-z, 0-9, - and _) at"
                + " position " + position(value) + ", got " + shown(value.text())));
    }

    private static Field field(String word) {
        for (var field : Field.values()) {
            if (field.wire().equals(word)) {
                return field;
            }
        }
        return null;
    }

    private static Op op(String word) {
        for (var op : Op.values()) {
            if (op.wire().equals(word)) {
                return op;
            }
        }
        return null;
    }

    private static boolean isWord(Token token, String word) {
        return token.kind() == Kind.WORD && token.text().equals(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        var token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private List<Token> tokenize() {
        var list = new ArrayList<Token>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '(' || c == ')') {
                list.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = quoted(i, list);
            } else if (Character.isISOControl(c)) {
                throw error("unexpected character " + String.format(Locale.ROOT, "U+%04X", (int) c) + " at position "
                        + position(i) + ": only spaces and tabs separate words");
            } else {
                int start = i;
                while (i < source.length() && isWordChar(source.charAt(i))) {
                    i++;
                }
                list.add(new Token(Kind.WORD, source.substring(start, i), start));
            }
        }
        list.add(new Token(Kind.END, "", source.length()));
        return list;
    }

    private static boolean isWordChar(char c) {
        return c != ' ' && c != '\t' && c != '(' && c != ')' && c != '\'' && !Character.isISOControl(c);
    }

    /** Reads a quoted value from the quote at {@code start}; {@code ''} inside it is one quote. */
    private int quoted(int start, List<Token> into) {
        var value = new StringBuilder();
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'') {
                if (i + 1 < source.length() && source.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                into.add(new Token(Kind.QUOTED, value.toString(), start));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw error("unterminated quoted value starting at position " + position(start));
    }

    private UsageQueryError unexpected(Token token, String expected) {
        var what = switch (token.kind()) {
            case END -> "unexpected end of filter";
            case QUOTED -> "unexpected value " + shown(token.text());
            case OPEN, CLOSE, WORD -> "unexpected " + shown(token.text());
        };
        var hint = token.kind() == Kind.WORD && !KEYWORDS.contains(token.text())
                && KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT)) ? " (keywords and fields are lower-case)"
                : "";
        return error(what + " at position " + position(token) + ": expected " + expected + hint);
    }

    private int position(Token token) {
        return position(token.start());
    }

    /** 1-based, in code points, so a client counting characters finds the spot. */
    private int position(int charIndex) {
        return source.codePointCount(0, charIndex) + 1;
    }

    /** A piece of the input for a message: quoted, control characters escaped, cut after 40 characters. */
    static String shown(String text) {
        var out = new StringBuilder("'");
        int count = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (count++ == SHOWN) {
                return out.append("…'").toString();
            }
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append('\'').toString();
    }

    private static UsageQueryError error(String message) {
        return new UsageQueryError(PARAMETER, message);
    }
}
