package com.chargeline.api.talkdesk;

import com.chargeline.common.id.AccountId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code filter} of {@code GET /express/usage/month}, parsed: an immutable tree of comparisons over
 * {@code account_id} and {@code month} joined by {@code and} / {@code or} ({@code docs/TALKDESK.md} has the
 * grammar, limits and messages). It compiles to a SQL condition whose values are all bound parameters, evaluates
 * in memory with the same meaning, and names the accounts it mentions so the endpoint can refuse (403) one outside
 * the caller's organization.
 */
public final class UsageFilter {
    /** Longest accepted filter, in characters (Talkdesk's documented limit). */
    public static final int MAX_LENGTH = 1600;
    /** Most comparisons in one filter: bounds the SQL's size and its parameter count. */
    public static final int MAX_COMPARISONS = 64;
    /** Deepest nesting of parentheses: bounds the parser's and the compiler's recursion. */
    public static final int MAX_DEPTH = 32;

    private static final UsageFilter ALL = new UsageFilter(Optional.empty());
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    /** The filtered fields, by wire name. */
    public enum Field {
        ACCOUNT_ID("account_id"), MONTH("month");

        private final String wire;

        Field(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** The comparison operators, by wire name, with their SQL operator. */
    public enum Op {
        EQ("eq", "="), NE("ne", "<>"), GT("gt", ">"), GE("ge", ">="), LT("lt", "<"), LE("le", "<=");

        private final String wire;
        private final String sql;

        Op(String wire, String sql) {
            this.wire = wire;
            this.sql = sql;
        }

        public String wire() {
            return wire;
        }

        public String sql() {
            return sql;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /** A node of the tree. {@link Or} and {@link And} have two or more terms; parentheses leave no node. */
    public sealed interface Node permits Or, And, AccountComparison, MonthComparison {
    }

    public record Or(List<Node> terms) implements Node {
        public Or {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("or needs two or more terms");
            }
        }
    }

    public record And(List<Node> terms) implements Node {
        public And {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("and needs two or more terms");
            }
        }
    }

    public record AccountComparison(Op op, AccountId account) implements Node {
        public AccountComparison {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(account, "account");
        }
    }

    public record MonthComparison(Op op, YearMonth month) implements Node {
        public MonthComparison {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(month, "month");
        }
    }

    /** A SQL boolean condition (always parenthesised, or {@code TRUE}) and its bound parameters by name. */
    public record Compiled(String sql, Map<String, Object> params) {
        public Compiled {
            Objects.requireNonNull(sql, "sql");
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private final Optional<Node> root;

    private UsageFilter(Optional<Node> root) {
        this.root = root;
    }

    /** No filter: every account of the organization, every month. */
    public static UsageFilter all() {
        return ALL;
    }

    /** A filter of the given tree. */
    public static UsageFilter of(Node root) {
        return new UsageFilter(Optional.of(Objects.requireNonNull(root, "root")));
    }

    /**
     * Parses the parameter's decoded value. An absent, empty or blank value is {@link #all()}, as if the parameter
     * were not given; anything else must be one whole expression.
     *
     * @throws UsageQueryError naming {@code filter} and where it failed
     */
    public static UsageFilter parse(String text) {
        if (text == null || text.chars().allMatch(c -> c == ' ' || c == '\t')) {
            return ALL;
        }
        return of(new UsageFilterParser(text).parse());
    }

    /** The tree; empty for {@link #all()}. */
    public Optional<Node> root() {
        return root;
    }

    /** Every account id the filter compares with, whatever the operator, in order of appearance. */
    public Set<AccountId> mentionedAccounts() {
        var accounts = new LinkedHashSet<AccountId>();
        root.ifPresent(node -> collectAccounts(node, accounts));
        return java.util.Collections.unmodifiableSet(accounts);
    }

    private static void collectAccounts(Node node, Set<AccountId> into) {
        switch (node) {
            case Or or -> or.terms().forEach(term -> collectAccounts(term, into));
            case And and -> and.terms().forEach(term -> collectAccounts(term, into));
            case AccountComparison c -> into.add(c.account());
            case MonthComparison c -> { }
        }
    }

    /**
     * Whether a usage row of this account and month passes the filter. Account ids are ordered as PostgreSQL orders
     * {@code uuid}: by their 16 bytes, unsigned; months by time.
     */
    public boolean matches(UUID account, YearMonth month) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(month, "month");
        return root.map(node -> matches(node, account, month)).orElse(true);
    }

    private static boolean matches(Node node, UUID account, YearMonth month) {
        return switch (node) {
            case Or or -> or.terms().stream().anyMatch(term -> matches(term, account, month));
            case And and -> and.terms().stream().allMatch(term -> matches(term, account, month));
            case AccountComparison c -> c.op().holds(compareUnsigned(account, c.account().value()));
            case MonthComparison c -> c.op().holds(month.compareTo(c.month()));
        };
    }

    /** PostgreSQL's {@code uuid} order (memcmp of the bytes); {@link UUID#compareTo} compares signed longs. */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /**
     * The filter as a SQL condition over the caller's two columns: {@code accountColumn} a NOT NULL {@code uuid},
     * {@code monthColumn} a NOT NULL {@code date} holding the first day of the month. The text holds only those
     * column names, operators, parentheses and named parameters {@code :filter_0}, {@code :filter_1}, …; every
     * value is a parameter (a {@link UUID} or a first-of-month {@link LocalDate}). The endpoint ANDs it with the
     * organization's own restriction; {@link #all()} compiles to {@code TRUE}.
     */
    public Compiled compile(String accountColumn, String monthColumn) {
        requireColumn(accountColumn);
        requireColumn(monthColumn);
        if (root.isEmpty()) {
            return new Compiled("TRUE", Map.of());
        }
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder();
        compile(root.get(), accountColumn, monthColumn, sql, params);
        return new Compiled(root.get() instanceof Or || root.get() instanceof And ? sql.toString()
                : "(" + sql + ")", params);
    }

    private static void compile(Node node, String accountColumn, String monthColumn, StringBuilder sql,
            Map<String, Object> params) {
        switch (node) {
            case Or or -> compileTerms(or.terms(), " OR ", accountColumn, monthColumn, sql, params);
            case And and -> compileTerms(and.terms(), " AND ", accountColumn, monthColumn, sql, params);
            case AccountComparison c -> comparison(accountColumn, c.op(), c.account().value(), sql, params);
            case MonthComparison c -> comparison(monthColumn, c.op(), c.month().atDay(1), sql, params);
        }
    }

    private static void compileTerms(List<Node> terms, String joiner, String accountColumn, String monthColumn,
            StringBuilder sql, Map<String, Object> params) {
        sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            compile(terms.get(i), accountColumn, monthColumn, sql, params);
        }
        sql.append(')');
    }

    private static void comparison(String column, Op op, Object value, StringBuilder sql, Map<String, Object> params) {
        var name = "filter_" + params.size();
        params.put(name, value);
        sql.append(column).append(' ').append(op.sql()).append(" :").append(name);
    }

    private static void requireColumn(String column) {
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain column name: " + column);
        }
    }

    /** The canonical text: parses back to an equal filter; empty for {@link #all()}. */
    @Override
    public String toString() {
        return root.map(UsageFilter::text).orElse("");
    }

    private static String text(Node node) {
        return switch (node) {
            case Or or -> or.terms().stream().map(UsageFilter::grouped).collect(Collectors.joining(" or "));
            case And and -> and.terms().stream().map(UsageFilter::grouped).collect(Collectors.joining(" and "));
            case AccountComparison c -> "account_id " + c.op().wire() + " '" + c.account().wire() + "'";
            case MonthComparison c -> "month " + c.op().wire() + " '" + c.month() + "'";
        };
    }

    private static String grouped(Node node) {
        return node instanceof Or || node instanceof And ? "(" + text(node) + ")" : text(node);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsageFilter that && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}
