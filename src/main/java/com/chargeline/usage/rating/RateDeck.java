package com.chargeline.usage.rating;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A compiled, immutable rate deck version: for each call type a digit trie over the prefixes, so
 * the longest matching prefix of an E.164 number is found in one walk of at most 15 array reads
 * (no hashing, no allocation). Several rows may share a prefix with different effective dates;
 * the lookup takes the row in force on the call's day.
 */
public final class RateDeck {
    private static final int NONE = -1;

    /** Identity and pricing settings of the deck version. */
    public record Info(UUID deckId, int version, String name, Currency currency, int precision) {
        public Info {
            Objects.requireNonNull(deckId, "deckId");
            Objects.requireNonNull(currency, "currency");
            if (precision < 0 || precision > Rate.UNIT_SCALE) {
                throw new IllegalArgumentException("precision must be 0.." + Rate.UNIT_SCALE);
            }
        }
    }

    private final Info info;
    private final Rate[] rates;
    private final Trie[] tries = new Trie[CallType.values().length];
    private final Segments[] segments = new Segments[CallType.values().length];
    /**
     * Per rate, 4 longs side by side: per-minute, per-call, first|next|mode|free, from|to days. The
     * first record starts 2 longs in, so with the 16-byte array header every 32-byte record sits
     * inside one 64-byte cache line.
     */
    private final long[] hot;
    private static final int STRIDE = 4;
    private static final int BASE = 2;
    private static final ChargeMode[] MODES = ChargeMode.values();

    private RateDeck(Info info, Rate[] rates) {
        this.info = info;
        this.rates = rates;
        this.hot = new long[BASE + rates.length * STRIDE];
        for (int i = 0; i < rates.length; i++) {
            var v = rates[i].validity();
            int fromDay = (int) v.from().toEpochDay();
            int toDay = v.toExclusive() == null ? Integer.MAX_VALUE : (int) v.toExclusive().toEpochDay();
            var p = rates[i].price();
            int h = BASE + i * STRIDE;
            hot[h] = p.perMinuteUnits();
            hot[h + 1] = p.perCallUnits();
            hot[h + 2] = ((long) p.increments().first() << 48) | ((long) p.increments().next() << 32)
                    | ((long) p.mode().ordinal() << 24) | p.freeSeconds();
            hot[h + 3] = ((long) fromDay << 32) | (toDay & 0xFFFFFFFFL);
        }
    }

    /** Builds the deck; rates are re-indexed 0..n-1 in the order given. */
    public static RateDeck compile(Info info, List<Rate> input) {
        var rates = new Rate[input.size()];
        for (int i = 0; i < rates.length; i++) {
            var r = input.get(i);
            rates[i] = r.index() == i ? r : new Rate(i, r.destination(), r.price(), r.validity());
        }
        var deck = new RateDeck(info, rates);
        // Newest first, so that the first row in force on a day wins when validities overlap.
        var order = new Integer[rates.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing((Integer i) -> rates[i].validity().from()).reversed());
        for (int i : order) {
            var type = rates[i].destination().callType().ordinal();
            if (deck.tries[type] == null) {
                deck.tries[type] = new Trie(rates.length);
            }
            deck.tries[type].add(rates[i].destination().prefix(), i);
        }
        for (int t = 0; t < deck.tries.length; t++) {
            if (deck.tries[t] != null) {
                deck.segments[t] = Segments.of(deck.tries[t]);
            }
        }
        return deck;
    }

    public Info info() {
        return info;
    }

    public int size() {
        return rates.length;
    }

    public List<Rate> rates() {
        return List.of(rates);
    }

    public Rate rate(int index) {
        return rates[index];
    }

    /** Prices a call with rate {@code index} from the deck's flat arrays; the same result as {@link Pricing#price}. */
    public Pricing.Priced price(int index, long durationSeconds, boolean answered, long allowanceAvailable) {
        int h = BASE + index * STRIDE;
        long packed = hot[h + 2];
        return Pricing.price(MODES[(int) (packed >>> 24) & 0xFF], hot[h], hot[h + 1], (int) (packed & 0xFFFFFF),
                (int) (packed >>> 48), (int) (packed >>> 32) & 0xFFFF,
                durationSeconds, answered, allowanceAvailable, info.precision());
    }

    /**
     * The rate for {@code digits} (an E.164 number without '+') of {@code type} in force on
     * {@code day}, by longest prefix; null when no row matches.
     */
    public Rate find(CallType type, CharSequence digits, LocalDate day) {
        int index = findIndex(type, digits, (int) day.toEpochDay());
        return index == NONE ? null : rates[index];
    }

    /**
     * The rate index for an E.164 number given as its digits in a long ({@code digitCount} of them),
     * or -1: one binary search over the deck's prefix segments; the digit trie only when the
     * innermost matching row is not in force on the day.
     */
    public int findIndex(CallType type, long digits, int digitCount, int epochDay) {
        var seg = segments[type.ordinal()];
        if (seg == null || digitCount < 1 || digitCount > MAX_DIGITS) {
            return NONE;
        }
        int head = seg.owner(digits * POW10[MAX_DIGITS - digitCount]);
        for (int r = head; r != NONE; r = tries[type.ordinal()].next[r]) {
            if (inForce(r, epochDay)) {
                return r;
            }
        }
        return head == NONE ? NONE : findIndex(type, Long.toString(digits), epochDay);
    }

    /** Whether rate {@code r} is in force on {@code epochDay} (from inclusive, to exclusive). */
    private boolean inForce(int r, int epochDay) {
        long days = hot[BASE + r * STRIDE + 3];
        return (int) (days >> 32) <= epochDay && epochDay < (int) days;
    }

    /** As {@link #find}, returning the rate's index or -1, for hot loops. */
    public int findIndex(CallType type, CharSequence digits, int epochDay) {
        var trie = tries[type.ordinal()];
        if (trie == null) {
            return NONE;
        }
        int node = 0;
        int best = NONE;
        for (int i = 0, n = digits.length(); i < n; i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NONE;
            }
            node = trie.children[node * 10 + d];
            if (node == 0) {
                break;
            }
            for (int r = trie.head[node]; r != NONE; r = trie.next[r]) {
                if (inForce(r, epochDay)) {
                    best = r;
                    break;
                }
            }
        }
        return best;
    }

    private static final int MAX_DIGITS = 15;
    private static final long[] POW10 = new long[MAX_DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_DIGITS; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * The prefixes of one call type as points on the line of 15-digit numbers: a prefix p of length
     * L covers [p·10^(15-L), (p+1)·10^(15-L)). Prefix intervals never partly overlap (they nest or
     * are disjoint), so they flatten into sorted segment starts, each owned by the innermost prefix
     * (its chain head) or by none. A lookup is one binary search in a compact array.
     */
    private record Segments(long[] entries, int[] buckets) {
        /** Buckets by the first 5 of the 15 digits: a point's search stays inside its bucket's few segments. */
        private static final long BUCKET = POW10[MAX_DIGITS - 5];
        private static final int BUCKETS = 100_000;

        static Segments of(Trie trie) {
            var prefixes = new java.util.ArrayList<long[]>();
            collect(trie, 0, 0, 0, prefixes);
            prefixes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
            var starts = new long[prefixes.size() * 2 + 1];
            var owners = new int[starts.length];
            int n = 0;
            var stack = new java.util.ArrayDeque<long[]>();
            starts[n] = 0;
            owners[n++] = NONE;
            for (var p : prefixes) {
                while (!stack.isEmpty() && stack.peek()[1] <= p[0]) {
                    var closed = stack.pop();
                    n = emit(starts, owners, n, closed[1], stack.isEmpty() ? NONE : (int) stack.peek()[2]);
                }
                n = emit(starts, owners, n, p[0], (int) p[2]);
                stack.push(p);
            }
            while (!stack.isEmpty()) {
                var closed = stack.pop();
                n = emit(starts, owners, n, closed[1], stack.isEmpty() ? NONE : (int) stack.peek()[2]);
            }
            // Start and owner side by side: the entry found is read from the line the search ended on.
            var entries = new long[n * 2];
            for (int i = 0; i < n; i++) {
                entries[2 * i] = starts[i];
                entries[2 * i + 1] = owners[i];
            }
            var buckets = new int[BUCKETS + 1];
            for (int b = 0, i = 0; b <= BUCKETS; b++) {
                while (i < n && starts[i] < b * BUCKET) {
                    i++;
                }
                buckets[b] = i;
            }
            return new Segments(entries, buckets);
        }

        /** Appends a segment start; a start equal to the previous one replaces it (the later, inner owner wins). */
        private static int emit(long[] starts, int[] owners, int n, long start, int owner) {
            if (n > 0 && starts[n - 1] == start) {
                owners[n - 1] = owner;
                return n;
            }
            starts[n] = start;
            owners[n] = owner;
            return n + 1;
        }

        /** Every node holding rates, as {lo, hi, chain head}. */
        private static void collect(Trie trie, int node, long value, int depth, java.util.List<long[]> out) {
            if (node != 0 && trie.head[node] != NONE) {
                long width = POW10[MAX_DIGITS - depth];
                out.add(new long[] {value * width, (value + 1) * width, trie.head[node]});
            }
            if (depth == MAX_DIGITS) {
                return;
            }
            for (int d = 0; d < 10; d++) {
                int child = trie.children[node * 10 + d];
                if (child != 0) {
                    collect(trie, child, value * 10 + d, depth + 1, out);
                }
            }
        }

        /** The owner of the last segment starting at or before {@code point}. */
        int owner(long point) {
            int b = (int) (point / BUCKET);
            int lo = Math.max(0, buckets[b] - 1);
            int hi = Math.max(lo, buckets[b + 1] - 1);
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (entries[2 * mid] <= point) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return (int) entries[2 * lo + 1];
        }
    }

    /** A 10-ary trie in flat arrays: node 0 is the root, child 0 means "none". */
    private static final class Trie {
        int[] children;
        int[] head;
        final int[] next;
        int nodes = 1;

        Trie(int rateCount) {
            int capacity = 1024;
            children = new int[capacity * 10];
            head = new int[capacity];
            Arrays.fill(head, NONE);
            next = new int[rateCount];
            Arrays.fill(next, NONE);
        }

        void add(String prefix, int rate) {
            int node = 0;
            for (int i = 0; i < prefix.length(); i++) {
                int slot = node * 10 + (prefix.charAt(i) - '0');
                if (children[slot] == 0) {
                    int child = newNode(); // may grow `children`: allocate before indexing it
                    children[slot] = child;
                }
                node = children[slot];
            }
            // Appended at the tail: rows arrive newest first, and the chain keeps that order.
            if (head[node] == NONE) {
                head[node] = rate;
            } else {
                int r = head[node];
                while (next[r] != NONE) {
                    r = next[r];
                }
                next[r] = rate;
            }
        }

        private int newNode() {
            if (nodes == head.length) {
                children = Arrays.copyOf(children, children.length * 2);
                int old = head.length;
                head = Arrays.copyOf(head, old * 2);
                Arrays.fill(head, old, head.length, NONE);
            }
            return nodes++;
        }
    }
}
