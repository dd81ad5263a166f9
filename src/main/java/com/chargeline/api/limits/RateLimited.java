package com.chargeline.api.limits;

/**
 * A request refused by a rate limit: Zoom's 429 with its message, and the headers that say which limit and when to
 * try again ({@code Retry-After}: seconds for a per-second window, the next 00:00:00Z for a daily quota).
 */
public final class RateLimited extends RuntimeException {
    public static final String PER_SECOND = "You have reached the maximum per-second rate limit for this API. Try again later.";
    public static final String DAILY = "You have reached the maximum daily rate limit for this API. Refer to the response"
            + " header for details on when you can make another request.";
    private static final long serialVersionUID = 1L;
    private final boolean daily;
    private final String retryAfter;

    RateLimited(boolean daily, String retryAfter) {
        super(daily ? DAILY : PER_SECOND, null, false, false);
        this.daily = daily;
        this.retryAfter = retryAfter;
    }

    /** {@code X-RateLimit-Type}: {@code Daily-limit} or {@code QPS}. */
    public String type() {
        return daily ? "Daily-limit" : "QPS";
    }

    public String retryAfter() {
        return retryAfter;
    }
}
