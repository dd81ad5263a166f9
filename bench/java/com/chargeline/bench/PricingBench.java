package com.chargeline.bench;

import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.Pricing;
import com.chargeline.usage.rating.Rate;
import com.chargeline.usage.rating.RateDeck;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing on a 100k-prefix deck, numbers already E.164 (as digits, the form the classifier
 * produces), drawn uniformly at random from 200k numbers (the cache-unfriendly case): longest-prefix
 * lookup plus the charge computation, one thread. Baseline in the same run: the usual longest prefix by hash lookups of
 * each prefix length, then the same pricing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PricingBench {
    private RateDeck deck;
    private Map<String, Rate> byPrefix;
    private String[] numbers;
    private long[] digits;
    private long[] zipfDigits;
    private int[] zipfLengths;
    private int[] zipfOrder;
    private int[] lengths;
    private long[] durations;
    private int i;
    private final int day = (int) LocalDate.of(2026, 11, 10).toEpochDay();

    @Setup
    public void setup() {
        List<String> all = BenchData.numbers(200_000, 1);
        deck = BenchData.deck(all, 100_000, 2);
        byPrefix = new HashMap<>();
        for (var r : deck.rates()) {
            if (r.destination().callType() == CallType.INTERNATIONAL) {
                byPrefix.put(r.destination().prefix(), r);
            }
        }
        var random = new Random(3);
        numbers = new String[1 << 16];
        durations = new long[numbers.length];
        digits = new long[numbers.length];
        lengths = new int[numbers.length];
        for (int k = 0; k < numbers.length; k++) {
            numbers[k] = all.get(random.nextInt(all.size())).substring(1);
            durations[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(1800);
            digits[k] = Long.parseLong(numbers[k]);
            lengths[k] = numbers[k].length();
        }
        // Realistic traffic: destinations drawn Zipf-like (s = 1) from all 200k numbers.
        zipfDigits = all.stream().mapToLong(n -> Long.parseLong(n.substring(1))).toArray();
        zipfLengths = all.stream().mapToInt(n -> n.length() - 1).toArray();
        zipfOrder = BenchData.zipf(all.size(), 1.0, 1 << 22, 4);
    }

    @Benchmark
    public long segment_lookup_and_price() {
        int k = i++ & (numbers.length - 1);
        int r = deck.findIndex(CallType.INTERNATIONAL, digits[k], lengths[k], day);
        return deck.price(r, durations[k], true, 0).chargeUnscaled();
    }

    @Benchmark
    public long segment_lookup_and_price_zipf_traffic() {
        int k = zipfOrder[i++ & (zipfOrder.length - 1)];
        int r = deck.findIndex(CallType.INTERNATIONAL, zipfDigits[k], zipfLengths[k], day);
        return deck.price(r, durations[k & (durations.length - 1)], true, 0).chargeUnscaled();
    }

    @Benchmark
    public long baseline_hashmap_lookup_and_price() {
        int k = i++ & (numbers.length - 1);
        var n = numbers[k];
        Rate rate = null;
        for (int len = n.length(); len > 0 && rate == null; len--) {
            rate = byPrefix.get(n.substring(0, len));
        }
        return Pricing.price(rate.price(), durations[k], true, 0, 4).chargeUnscaled();
    }
}
