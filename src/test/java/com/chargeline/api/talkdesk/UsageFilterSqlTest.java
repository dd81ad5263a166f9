package com.chargeline.api.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.chargeline.common.id.AccountId;
import com.chargeline.testing.TestPostgres;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled SQL against a real PostgreSQL table of accounts x months: for a few hundred random filters (fixed
 * seed), the rows PostgreSQL selects are the rows the in-memory evaluator accepts and the rows the generator's own
 * reading of the text (standard precedence, unsigned byte order) expects.
 */
class UsageFilterSqlTest {
    static final List<UUID> ACCOUNTS = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"), UUID.fromString("80000000-0000-0000-0000-000000000000"),
            UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffffe"), UUID.fromString("12345678-9abc-def0-8000-000000000000"),
            UUID.fromString("12345678-9abc-def0-7fff-ffffffffffff"), UUID.fromString("c0ffee00-1234-4abc-9def-0123456789ab"));
    static final List<UUID> OTHER_ACCOUNTS = List.of(UUID.fromString("00000000-0000-0000-0000-000000000000"),
            UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), UUID.fromString("80000000-0000-0000-0000-000000000001"));
    static final YearMonth FIRST = YearMonth.of(2023, 10);
    static final int MONTHS = 18;

    private static Jdbi jdbi;

    @BeforeAll
    static void grid() {
        jdbi = Jdbi.create(TestPostgres.newDatabase(), "postgres", "");
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE usage_grid (account_id uuid NOT NULL, month date NOT NULL)");
            var batch = h.prepareBatch("INSERT INTO usage_grid (account_id, month) VALUES (:a, :m)");
            for (var account : ACCOUNTS) {
                for (int i = 0; i < MONTHS; i++) {
                    batch.bind("a", account).bind("m", FIRST.plusMonths(i).atDay(1)).add();
                }
            }
            batch.execute();
        });
    }

    /** A generated filter text with the generator's own meaning of it. */
    record Gen(String text, BiPredicate<UUID, YearMonth> truth) {
    }

    static Set<String> selected(UsageFilter filter) {
        var compiled = filter.compile("g.account_id", "g.month");
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery(
                        "SELECT g.account_id, g.month FROM usage_grid g WHERE " + compiled.sql())
                .bindMap(compiled.params())
                .map((rs, ctx) -> rs.getObject(1, UUID.class) + " " + YearMonth.from(rs.getObject(2, LocalDate.class)))
                .list()));
    }

    static Set<String> expected(BiPredicate<UUID, YearMonth> accepts) {
        var rows = new TreeSet<String>();
        for (var account : ACCOUNTS) {
            for (int i = 0; i < MONTHS; i++) {
                if (accepts.test(account, FIRST.plusMonths(i))) {
                    rows.add(account + " " + FIRST.plusMonths(i));
                }
            }
        }
        return rows;
    }

    @Test
    void postgresql_the_evaluator_and_the_generator_agree_on_400_random_filters() {
        var random = new Random(20261201);
        int nonTrivial = 0;
        for (int n = 0; n < 400; n++) {
            var gen = generate(random, 0);
            while (gen.text().length() > UsageFilter.MAX_LENGTH) {
                gen = generate(random, 0);
            }
            var filter = UsageFilter.parse(gen.text());
            var fromSql = selected(filter);
            assertThat(fromSql).as(gen.text()).isEqualTo(expected(filter::matches)).isEqualTo(expected(gen.truth()));
            assertThat(UsageFilter.parse(filter.toString())).as(gen.text()).isEqualTo(filter);
            if (!fromSql.isEmpty() && fromSql.size() < ACCOUNTS.size() * MONTHS) {
                nonTrivial++;
            }
        }
        assertThat(nonTrivial).as("filters selecting some but not all rows").isGreaterThan(200);
    }

    static Gen generate(Random random, int depth) {
        int pick = random.nextInt(depth == 0 ? 4 : 7);
        if (depth >= 2 || pick >= 4) {
            return comparison(random);
        }
        if (pick == 0) {
            return unparenthesisedMix(random);
        }
        var terms = new ArrayList<Gen>();
        for (int i = 0, count = 2 + random.nextInt(2); i < count; i++) {
            terms.add(generate(random, depth + 1));
        }
        boolean or = pick == 1;
        var text = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            text.append(i == 0 ? "" : or ? space(random) + "or" + space(random) : space(random) + "and" + space(random))
                    .append('(').append(terms.get(i).text()).append(')');
        }
        var parts = List.copyOf(terms);
        BiPredicate<UUID, YearMonth> truth = or
                ? (a, m) -> parts.stream().anyMatch(t -> t.truth().test(a, m))
                : (a, m) -> parts.stream().allMatch(t -> t.truth().test(a, m));
        return new Gen(random.nextBoolean() ? "(" + text + ")" : text.toString(), truth);
    }

    /** Comparisons joined by and/or without parentheses: the truth is an or of and-groups. */
    static Gen unparenthesisedMix(Random random) {
        var groups = new ArrayList<List<Gen>>();
        groups.add(new ArrayList<>());
        var text = new StringBuilder();
        for (int i = 0, count = 3 + random.nextInt(4); i < count; i++) {
            if (i > 0) {
                boolean or = random.nextBoolean();
                text.append(space(random)).append(or ? "or" : "and").append(space(random));
                if (or) {
                    groups.add(new ArrayList<>());
                }
            }
            var c = comparison(random);
            text.append(c.text());
            groups.get(groups.size() - 1).add(c);
        }
        return new Gen(text.toString(), (a, m) -> groups.stream()
                .anyMatch(group -> group.stream().allMatch(c -> c.truth().test(a, m))));
    }

    static Gen comparison(Random random) {
        var op = UsageFilter.Op.values()[random.nextInt(6)];
        if (random.nextBoolean()) {
            var month = FIRST.plusMonths(random.nextInt(MONTHS + 2) - 1);
            return new Gen("month " + op.wire() + " '" + month + "'", (a, m) -> holds(op, m.compareTo(month)));
        }
        var account = random.nextInt(5) == 0 ? OTHER_ACCOUNTS.get(random.nextInt(OTHER_ACCOUNTS.size()))
                : ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        return new Gen("account_id " + op.wire() + " '" + new AccountId(account).wire() + "'",
                (a, m) -> holds(op, Arrays.compareUnsigned(bytes(a), bytes(account))));
    }

    static boolean holds(UsageFilter.Op op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
        };
    }

    static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }

    static String space(Random random) {
        return List.of(" ", "  ", "\t", " \t ").get(random.nextInt(4));
    }

    @Test
    void values_are_bound_parameters_and_the_text_holds_only_columns_operators_and_names() {
        var a = ACCOUNTS.get(1);
        var filter = UsageFilter.parse("month eq '2024-01' or month ne '2024-02' and account_id le '"
                + new AccountId(a).wire() + "'");
        var compiled = filter.compile("u.account_id", "u.month");
        assertThat(compiled.sql())
                .isEqualTo("(u.month = :filter_0 OR (u.month <> :filter_1 AND u.account_id <= :filter_2))");
        assertThat(compiled.params()).containsExactly(entry("filter_0", LocalDate.of(2024, 1, 1)),
                entry("filter_1", LocalDate.of(2024, 2, 1)), entry("filter_2", a));
        assertThat(UsageFilter.parse("month gt '2024-01'").compile("account_id", "month").sql())
                .isEqualTo("(month > :filter_0)");
        assertThat(UsageFilter.all().compile("account_id", "month")).isEqualTo(new UsageFilter.Compiled("TRUE", Map.of()));
        assertThat(selected(UsageFilter.all())).hasSize(ACCOUNTS.size() * MONTHS);
    }

    @Test
    void column_names_must_be_plain_identifiers() {
        assertThatThrownBy(() -> UsageFilter.all().compile("account_id; DROP TABLE x", "month"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageFilter.all().compile("account_id", "Month\""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
