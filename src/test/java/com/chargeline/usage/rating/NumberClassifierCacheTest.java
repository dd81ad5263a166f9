package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The cached path answers exactly what the uncached one does, for any sequence of inputs: a cache
 * entry must never be found for an input other than the one that filled it (a charge must not
 * depend on what arrived before).
 */
class NumberClassifierCacheTest {
    private static final List<String> REGIONS = List.of("US", "GB", "DE", "IT", "FR", "IN", "NP", "AU", "BR", "JP", "ZZ", "XX");

    @Test
    void a_leading_zero_is_part_of_the_key_in_either_order() {
        var misdial = "11442079460018";
        var ukFromUs = "011442079460018";
        var expectedMisdial = NumberClassifier.classifyUncached(misdial, "US");
        var expectedUk = NumberClassifier.classifyUncached(ukFromUs, "US");
        assertThat(NumberClassifier.kind(expectedUk)).isEqualTo(NumberClassifier.Kind.REGULAR);
        assertThat(NumberClassifier.region(expectedUk)).isEqualTo("GB");
        assertThat(NumberClassifier.kind(expectedMisdial)).isEqualTo(NumberClassifier.Kind.INVALID);

        var first = new NumberClassifier();
        assertThat(first.classifyPacked(misdial, "US")).isEqualTo(expectedMisdial);
        assertThat(first.classifyPacked(ukFromUs, "US")).isEqualTo(expectedUk);
        var second = new NumberClassifier();
        assertThat(second.classifyPacked(ukFromUs, "US")).isEqualTo(expectedUk);
        assertThat(second.classifyPacked(misdial, "US")).isEqualTo(expectedMisdial);
    }

    /** Found by the property below (seed -7705416392052792967): after a '+', a 0 makes the answer depend on the region. */
    @Test
    void a_plus_followed_by_zero_is_cached_per_region() {
        var input = "+002781000";
        var inGb = NumberClassifier.classifyUncached(input, "GB");
        var inUs = NumberClassifier.classifyUncached(input, "US");
        assertThat(inGb).as("the two regions answer differently").isNotEqualTo(inUs);
        var classifier = new NumberClassifier();
        assertThat(classifier.classifyPacked(input, "US")).isEqualTo(inUs);
        assertThat(classifier.classifyPacked(input, "GB")).isEqualTo(inGb);
    }

    @Property(tries = 300)
    void any_sequence_of_inputs_is_classified_as_each_input_alone(
            @ForAll("sequences") List<Tuple.Tuple2<String, String>> inputs) {
        var classifier = new NumberClassifier();
        for (var input : inputs) {
            assertThat(classifier.classifyPacked(input.get1(), input.get2()))
                    .as("%s in %s after %s", input.get1(), input.get2(), inputs)
                    .isEqualTo(NumberClassifier.classifyUncached(input.get1(), input.get2()));
        }
    }

    /** Sequences of variants of one number (and some random digits), so that inputs sharing digits meet in one cache. */
    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> sequences() {
        var cores = Arbitraries.oneOf(Arbitraries.of("442079460018", "14155550100", "4930123456", "390612345678",
                "919876543210", "9771234567", "61291234567", "5511912345678", "81312345678", "18005550100",
                "447911123456"), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(17));
        return cores.flatMap(core -> Combinators.combine(variants(core), Arbitraries.of(REGIONS)).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(30));
    }

    /**
     * Forms of {@code core}: with and without a '+', leading zeros and international prefixes, punctuation, a
     * digit more or fewer, stray characters.
     */
    private static Arbitrary<String> variants(String core) {
        var body = Arbitraries.of(core, core, core.substring(0, Math.max(1, core.length() - 3)), core + "0", "0" + core);
        var prefix = Arbitraries.of("", "", "+", "0", "00", "011", "0011", "1", "+0", " ", "(", "+1 ");
        var suffix = Arbitraries.of("", "", "", "0", " ", "-", ")", "x1", "#", "a");
        var punctuate = Arbitraries.of(false, false, true);
        return Combinators.combine(prefix, body, suffix, punctuate).as((p, b, s, dash) -> {
            var text = dash && b.length() > 4 ? b.substring(0, 3) + "-" + b.substring(3) : b;
            return p + text + s;
        });
    }
}
