package com.chargeline.api.zoom;

import com.chargeline.accounts.InputRules;
import com.chargeline.api.paging.PageTokens;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import io.javalin.http.Context;
import java.util.Optional;

/** Zoom's paging parameters: {@code page_size} within the operation's bounds and signed {@code next_page_token}s. */
public final class ZoomPaging {
    public static final String INVALID_TOKEN = "The next page token is invalid or expired.";
    private final PageTokens tokens;

    public ZoomPaging(PageTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code page_size}: {@code defaultSize} when absent, else an integer from 1 to {@code max}. */
    public int pageSize(Context ctx, int defaultSize, int max) {
        return intParam(ctx, "page_size", defaultSize, max);
    }

    /** A positive integer query parameter no larger than {@code max}. */
    public static int intParam(Context ctx, String name, int defaultValue, int max) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputRules.invalidField(name, "Must be an integer from 1 to " + max + ".");
    }

    /** The cursor of the request's {@code next_page_token} for this query, empty when there is none. */
    public Optional<String> cursor(Context ctx, String boundQuery) {
        return cursor(ctx, boundQuery, new Invalid(ErrorCode.PAGE_TOKEN_INVALID, INVALID_TOKEN));
    }

    /** As {@link #cursor(Context, String)}, refusing a bad token with the operation's own error. */
    public Optional<String> cursor(Context ctx, String boundQuery, Invalid refusal) {
        var token = ctx.queryParam("next_page_token");
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tokens.open(token, boundQuery).orElseThrow(() -> refusal));
    }

    public String next(String boundQuery, String cursor) {
        return tokens.issue(boundQuery, cursor);
    }
}
