package com.chargeline.usage.rating;

/**
 * Telephony billing increments (STYLE B2.7: duration rounding, not money rounding): the first
 * {@code first} seconds are billed as a block, then blocks of {@code next} seconds, each started
 * block in full. 60/60 bills whole minutes; 30/6 bills 30 s then 6 s blocks, so 45 s bills 48 s;
 * 1/1 bills by the second. Zero seconds bill zero.
 */
public record Increments(int first, int next) {
    public Increments {
        if (first < 1 || next < 1 || first > 3600 || next > 3600) {
            throw new IllegalArgumentException("increments must be 1..3600 seconds, got " + first + "/" + next);
        }
    }

    public static final Increments PER_MINUTE = new Increments(60, 60);

    public long bill(long seconds) {
        return bill(first, next, seconds);
    }

    static long bill(int first, int next, long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds <= first) {
            return first;
        }
        long rest = seconds - first;
        return first + ((rest + next - 1) / next) * next;
    }

    @Override
    public String toString() {
        return first + "/" + next;
    }
}
