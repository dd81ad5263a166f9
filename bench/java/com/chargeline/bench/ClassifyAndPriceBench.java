package com.chargeline.bench;

import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.RateDeck;
import com.chargeline.usage.rating.RatingEngine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.LocalDate;
import java.util.List;
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
 * Classification + pricing on a realistic mix: callee numbers drawn Zipf-like (s = 1) from 1 M
 * distinct valid numbers in 30 countries, rated by the full {@link RatingEngine} (both numbers
 * classified, call type decided, longest prefix on a 100k-prefix deck, priced). Setup first checks
 * that the classifier agrees with libphonenumber on every one of the 1 M numbers and fails the run
 * otherwise. Baseline in the same run: plain libphonenumber parse + getNumberType of the same draws.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Threads(1)
public class ClassifyAndPriceBench {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private RatingEngine engine;
    private RatingEngine.Context context;
    private RatingEngine.Call[] calls;
    private String[] numbers;
    private int[] draws;
    private final Allowances allowances = new Allowances();
    private int i;

    @Setup
    public void setup() throws NumberParseException {
        List<String> all = BenchData.numbers(1_000_000, 11);
        RateDeck deck = BenchData.deck(all, 100_000, 12);
        var classifier = new NumberClassifier();
        for (var n : all) {
            var mine = classifier.classify(n, "US");
            var parsed = UTIL.parse(n, "US");
            var type = UTIL.getNumberType(parsed);
            var kind = switch (type) {
                case UNKNOWN -> NumberClassifier.Kind.INVALID;
                case TOLL_FREE -> NumberClassifier.Kind.TOLL_FREE;
                case PREMIUM_RATE, SHARED_COST -> NumberClassifier.Kind.PREMIUM;
                default -> NumberClassifier.Kind.REGULAR;
            };
            if (!mine.e164().equals(n.substring(1)) || !mine.region().equals(UTIL.getRegionCodeForNumber(parsed))
                    || mine.kind() != kind) {
                throw new IllegalStateException("classifier disagrees with libphonenumber on " + n + ": " + mine);
            }
        }
        engine = new RatingEngine(classifier);
        context = new RatingEngine.Context("US", deck, d -> false, List.of());
        numbers = all.toArray(String[]::new);
        var random = new Random(13);
        var day = LocalDate.of(2026, 11, 10);
        calls = new RatingEngine.Call[numbers.length];
        for (int k = 0; k < numbers.length; k++) {
            calls[k] = new RatingEngine.Call(true, "+14155550100", numbers[k], random.nextInt(1200), true, false, day, "u",
                    "2026-11");
        }
        draws = BenchData.zipf(numbers.length, 1.0, 1 << 22, 14);
    }

    @Benchmark
    public long classify_and_price() {
        var call = calls[draws[i++ & (draws.length - 1)]];
        return engine.rate(call, context, allowances).priced().chargeUnscaled();
    }

    /** A cache miss: the classifier's own uncached path (libphonenumber's parse, then {@code NumberTypes}). */
    @Benchmark
    public long classify_uncached() {
        return NumberClassifier.classifyUncached(numbers[draws[i++ & (draws.length - 1)]], "US");
    }

    @Benchmark
    public int baseline_libphonenumber_parse_and_type() throws NumberParseException {
        var n = numbers[draws[i++ & (draws.length - 1)]];
        return UTIL.getNumberType(UTIL.parse(n, "US")).ordinal();
    }
}
