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
    private final int[] fromDay;
    private final int[] toDay;

    private RateDeck(Info info, Rate[] rates) {
        this.info = info;
        this.rates = rates;
        this.fromDay = new int[rates.length];
        this.toDay = new int[rates.length];
        for (int i = 0; i < rates.length; i++) {
            var v = rates[i].validity();
            fromDay[i] = (int) v.from().toEpochDay();
            toDay[i] = v.toExclusive() == null ? Integer.MAX_VALUE : (int) v.toExclusive().toEpochDay();
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

    /**
     * The rate for {@code digits} (an E.164 number without '+') of {@code type} in force on
     * {@code day}, by longest prefix; null when no row matches.
     */
    public Rate find(CallType type, CharSequence digits, LocalDate day) {
        int index = findIndex(type, digits, (int) day.toEpochDay());
        return index == NONE ? null : rates[index];
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
                if (fromDay[r] <= epochDay && epochDay < toDay[r]) {
                    best = r;
                    break;
                }
            }
        }
        return best;
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
