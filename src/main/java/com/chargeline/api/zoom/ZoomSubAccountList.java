package com.chargeline.api.zoom;

import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.InputRules;
import com.chargeline.subscriptions.PlanQueries;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /accounts}: a master's sub accounts by account number, paged with keyset tokens bound
 * to the master and the filters. The deprecated {@code page_number} still works when no token is
 * given. {@code sub_reseller_id} names a three-tier sub-reseller; Chargeline has none, so that
 * filter matches nothing.
 */
final class ZoomSubAccountList {
    private final AccountQueries queries;
    private final ZoomPaging paging;
    private final PlanQueries plans;

    ZoomSubAccountList(AccountQueries queries, ZoomPaging paging, PlanQueries plans) {
        this.queries = queries;
        this.paging = paging;
        this.plans = plans;
    }

    ZoomDtos.AccountList page(Context ctx, Account master) {
        int pageSize = paging.pageSize(ctx, 30, 300);
        int requestedPage = ZoomPaging.intParam(ctx, "page_number", 1, Integer.MAX_VALUE);
        var email = blankToNull(ctx.queryParam("email"));
        var phone = blankToNull(ctx.queryParam("phone_number"));
        var subReseller = blankToNull(ctx.queryParam("sub_reseller_id"));
        String phoneDigits = null;
        if (phone != null) {
            phoneDigits = phone.replaceAll("[^0-9]", "");
            if (phoneDigits.isEmpty()) {
                throw InputRules.invalidField("phone_number", "A phone number must contain digits.");
            }
        }
        var bound = String.join("|", "accounts", master.id().wire(), String.valueOf(email), String.valueOf(phoneDigits),
                String.valueOf(subReseller));
        var cursor = paging.cursor(ctx, bound);
        long after = cursor.map(c -> Long.parseLong(c.split(":")[0])).orElse(0L);
        int pageNumber = cursor.map(c -> Integer.parseInt(c.split(":")[1])).orElse(requestedPage);
        long offset = cursor.isPresent() ? 0 : (long) (requestedPage - 1) * pageSize;
        if (subReseller != null) {
            return new ZoomDtos.AccountList("", 0, pageNumber, pageSize, 0, List.of());
        }
        var page = queries.subAccounts(master.id(), new AccountQueries.SubAccountFilter(email, phoneDigits), after,
                offset, pageSize + 1);
        var rows = page.accounts();
        var more = rows.size() > pageSize;
        var shown = more ? rows.subList(0, pageSize) : rows;
        var next = more ? paging.next(bound, shown.getLast().number() + ":" + (pageNumber + 1)) : "";
        int pageCount = (int) ((page.total() + pageSize - 1) / pageSize);
        var standings = plans.standings(shown);
        return new ZoomDtos.AccountList(next, pageCount, pageNumber, pageSize, page.total(), shown.stream()
                .map(a -> ZoomDtos.AccountListItem.from(a, standings.getOrDefault(a.id(), PlanQueries.Standing.stored(a))))
                .toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
