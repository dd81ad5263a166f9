package com.chargeline.api.talkdesk;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.usage.reports.MonthlyUsage;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talkdesk Billing Insights' {@code GET /express/usage/month}: the organization's usage aggregated by account, month
 * and product ({@link MonthlyUsage}, read from the invoice-line totals), paged with {@code page}/{@code per_page} in a
 * HAL envelope, filtered by {@link UsageFilter} and ordered by {@link UsageOrder}. Rows are mapped by
 * {@link TalkdeskUsageRows}; numbers are written plain (never {@code 1E-7}).
 */
public final class TalkdeskUsageEndpoints implements EndpointGroup {
    /** Page size bounds and default (Talkdesk's paging convention). */
    static final int MAX_PER_PAGE = 250;
    static final int DEFAULT_PER_PAGE = 50;
    private static final String PATH = "/express/usage/month";
    private final MonthlyUsage usage;
    private final TalkdeskOrganization organization;
    private final ObjectWriter writer;
    private final String publicBaseUrl;

    public TalkdeskUsageEndpoints(MonthlyUsage usage, TalkdeskOrganization organization, ObjectMapper mapper,
                                  String publicBaseUrl) {
        this.usage = usage;
        this.organization = organization;
        this.writer = mapper.copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer();
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void addEndpoints() {
        get(PATH, this::month);
    }

    private void month(Context ctx) throws Exception {
        var caller = BearerAuth.caller(ctx, TalkdeskOperations.USAGE_MONTH);
        var query = Query.read(ctx);
        for (var mentioned : query.filter().mentionedAccounts()) {
            organization.resolve(caller.accountId(), mentioned.wire());
        }
        var compiled = query.filter().compile("u.account_id", "u.month");
        var page = usage.page(caller.accountId(), new MonthlyUsage.Condition(compiled.sql(), compiled.params()),
                order(query.order()), query.page(), query.perPage());
        var rows = new ArrayList<Map<String, Object>>(page.rows().size());
        page.rows().forEach(r -> rows.add(TalkdeskUsageRows.row(r)));
        long totalPages = (page.total() + query.perPage() - 1) / query.perPage();
        var body = new LinkedHashMap<String, Object>();
        body.put("count", rows.size());
        body.put("page", query.page());
        body.put("per_page", query.perPage());
        body.put("total", page.total());
        body.put("total_pages", totalPages);
        body.put("_embedded", Map.of("usage", rows));
        body.put("_links", links(ctx, query, Math.max(1, totalPages)));
        ctx.contentType("application/json").result(writer.writeValueAsBytes(body));
    }

    /** The orderings of {@code order_by}, each with the id in the same direction as the tie-breaker. */
    private static MonthlyUsage.Order order(UsageOrder order) {
        boolean asc = order.direction() == UsageOrder.Direction.ASC;
        return switch (order.field()) {
            case ID -> asc ? MonthlyUsage.Order.ID_ASC : MonthlyUsage.Order.ID_DESC;
            case MONTH -> asc ? MonthlyUsage.Order.MONTH_ASC : MonthlyUsage.Order.MONTH_DESC;
            case ACCOUNT_ID -> asc ? MonthlyUsage.Order.ACCOUNT_ASC : MonthlyUsage.Order.ACCOUNT_DESC;
        };
    }

    /** Absolute links that keep the filter and ordering; prev and next left out at the ends. */
    private Map<String, Object> links(Context ctx, Query query, long lastPage) {
        var base = (publicBaseUrl != null ? publicBaseUrl.replaceAll("/+$", "") : ctx.scheme() + "://" + ctx.host()) + PATH;
        var links = new LinkedHashMap<String, Object>();
        var self = Map.of("href", href(base, query, query.page()));
        links.put("self", self);
        links.put("first", Map.of("href", href(base, query, 1)));
        links.put("last", Map.of("href", href(base, query, lastPage)));
        if (query.page() > 1) {
            links.put("prev", Map.of("href", href(base, query, Math.min(query.page() - 1, lastPage))));
        }
        if (query.page() < lastPage) {
            links.put("next", Map.of("href", href(base, query, query.page() + 1)));
        }
        links.put("show", self);
        return links;
    }

    private static String href(String base, Query query, long page) {
        var out = new StringBuilder(base).append("?page=").append(page).append("&per_page=").append(query.perPage());
        if (query.filterText() != null) {
            out.append("&filter=").append(URLEncoder.encode(query.filterText(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (query.orderText() != null) {
            out.append("&order_by=").append(URLEncoder.encode(query.orderText(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The query parameters, each given at most once; a bad one is a 400 naming it. */
    record Query(int page, int perPage, UsageFilter filter, String filterText, UsageOrder order, String orderText) {
        static Query read(Context ctx) {
            var errors = new ArrayList<FieldError>();
            int page = integer(ctx, "page", 1, 1, Integer.MAX_VALUE, errors);
            int perPage = integer(ctx, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, errors);
            var filterText = single(ctx, "filter", errors);
            var orderText = single(ctx, "order_by", errors);
            UsageFilter filter = UsageFilter.all();
            UsageOrder order = UsageOrder.DEFAULT;
            try {
                filter = UsageFilter.parse(filterText);
            } catch (UsageQueryError e) {
                errors.add(e.fieldError());
            }
            try {
                order = UsageOrder.parse(orderText);
            } catch (UsageQueryError e) {
                errors.add(e.fieldError());
            }
            if (!errors.isEmpty()) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
            }
            return new Query(page, perPage, filter, filterText, order, orderText);
        }

        private static String single(Context ctx, String name, List<FieldError> errors) {
            var values = ctx.queryParams(name);
            if (values.size() > 1) {
                errors.add(new FieldError(name, "given " + values.size() + " times; give it once"));
                return null;
            }
            return values.isEmpty() ? null : values.getFirst();
        }

        private static int integer(Context ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
            var text = single(ctx, name, errors);
            if (text == null) {
                return fallback;
            }
            if (text.matches("[0-9]{1,10}")) {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return (int) value;
                }
            }
            errors.add(new FieldError(name, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up"
                    : " to " + max) + ", got '" + text + "'"));
            return fallback;
        }
    }
}
