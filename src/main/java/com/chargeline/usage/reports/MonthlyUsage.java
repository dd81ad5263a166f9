package com.chargeline.usage.reports;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.Query;

/**
 * Usage by account, month and product, from the monthly totals by product ({@code usage_products_monthly}: the
 * invoice-line totals of the account's calendar months, exactly what invoices bill, with the countries and the charged
 * flag summed, one row per product): calls by call type, direction and result, messages by type and direction; plan
 * licences from the invoices; the phone numbers held in each month from the directory's holdings. What Talkdesk's
 * monthly usage serves; the reads never touch the records, so a page costs the same at 100 thousand or 10 million
 * records a month, and whatever countries they went to.
 */
public final class MonthlyUsage {
    private static final String PAGE = ClasspathSqlLocator.removingComments().locate(MonthlyUsage.class, "page");
    private final Database db;
    private final Clock clock;

    public MonthlyUsage(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A condition over the columns {@code u.account_id} (uuid) and {@code u.month} (date, a month's first day),
     * compiled by the caller from its filter language with every value bound ({@code params}); {@code TRUE} for none.
     */
    public record Condition(String sql, Map<String, Object> params) {
        public static final Condition NONE = new Condition("TRUE", Map.of());

        public Condition {
            Objects.requireNonNull(sql, "sql");
            params = Map.copyOf(params);
        }
    }

    /** The fixed orderings: by id (account, month, product, currency), by month or by account, then by id. */
    public enum Order {
        ID_ASC("p.account_id, p.month, p.product_id COLLATE \"C\", p.currency"),
        ID_DESC("p.account_id DESC, p.month DESC, p.product_id COLLATE \"C\" DESC, p.currency DESC"),
        MONTH_ASC("p.month, " + ID_ASC.sql),
        MONTH_DESC("p.month DESC, " + ID_DESC.sql),
        ACCOUNT_ASC(ID_ASC.sql),
        ACCOUNT_DESC(ID_DESC.sql);

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** One row: an account's usage of one product in one month. */
    public record Row(UUID accountId, YearMonth month, String kind, String currency, String productId, String usageType,
                      String direction, String result, long records, long billedSeconds, long segments,
                      BigDecimal totalCharge) {
        public boolean call() {
            return kind.equals("call");
        }
    }

    /** A page and the number of rows in all pages. */
    public record Page(List<Row> rows, long total) {
    }

    /**
     * Page {@code page} (from 1) of {@code perPage} rows of the usage of {@code organization} (the account and, for a
     * master, its sub accounts) matching {@code condition}.
     */
    public Page page(AccountId organization, Condition condition, Order order, int page, int perPage) {
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("pages count from 1 and hold at least one row");
        }
        long offset = (long) (page - 1) * perPage;
        var now = clock.instant();
        return db.withHandle(h -> {
            var rows = statement(h, organization, condition, order, now, perPage, offset)
                    .map((rs, ctx) -> new Counted(new Row(rs.getObject("account_id", UUID.class),
                            YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("kind"),
                            rs.getString("currency").strip(), rs.getString("product_id"), rs.getString("usage_type"),
                            rs.getString("direction"), rs.getString("result"), rs.getLong("records"),
                            rs.getLong("billed_seconds"), rs.getLong("segments"), rs.getBigDecimal("total_charge")),
                            rs.getLong("total"))).list();
            if (!rows.isEmpty()) {
                return new Page(rows.stream().map(Counted::row).toList(), rows.getFirst().total());
            }
            // past the last page (or none): the total alone
            var all = statement(h, organization, condition, order, now, 1, 0)
                    .map((rs, ctx) -> rs.getLong("total")).findFirst().orElse(0L);
            return new Page(List.of(), all);
        });
    }

    private static Query statement(Handle h, AccountId organization, Condition condition, Order order, Instant now,
                                   int limit, long offset) {
        return h.createQuery(PAGE).define("condition", condition.sql()).define("order", order.sql)
                .bind("organization", organization.value()).bind("now", now).bindMap(condition.params())
                .bind("limit", limit).bind("offset", offset);
    }

    private record Counted(Row row, long total) {
    }
}
