package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbeSetsTest {

    @Test
    void entriesCarryEachItemAndItsIndexAndAreZeroForAbsentKeys() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 200; trial++) {
            int n = rnd.nextInt(2000);
            int[] raw = new int[n];
            for (int i = 0; i < n; i++) {
                raw[i] = rnd.nextInt();
            }
            int[] items = SortedSets.packedUnique(raw, n, new RadixSort());
            int bits = ProbeSets.bits(items.length);
            long[] table = ProbeSets.fillEntries(new long[1 << bits], items, bits);
            for (int i = 0; i < items.length; i++) {
                long e = ProbeSets.entry(table, bits, items[i] >> 1);
                assertThat(ProbeSets.found(e)).isEqualTo(1);
                assertThat(ProbeSets.index(e)).isEqualTo(i);
                assertThat(ProbeSets.narrative(e)).isEqualTo(items[i] & 1);
            }
            for (int k = 0; k < 200; k++) {
                int key = rnd.nextInt() >> 1;
                int expected = -1;
                for (int i = 0; i < items.length; i++) {
                    if (items[i] >> 1 == key) {
                        expected = i;
                    }
                }
                long e = ProbeSets.entry(table, bits, key);
                assertThat(ProbeSets.index(e)).isEqualTo(expected);
                assertThat(ProbeSets.found(e)).isEqualTo(expected < 0 ? 0 : 1);
                if (expected < 0) {
                    assertThat(ProbeSets.narrative(e)).isZero();
                }
            }
        }
    }

    @Test
    void rolledWindowHashesEqualEachWindowsOwnPolynomial() {
        long[] mixed = Mix.premix(new int[] {3, -7, 11, 0, 42, 99, -1, 3, -7});
        for (int n = 1; n <= mixed.length; n++) {
            long[] rolled = Mix.windows(mixed, n, 17L);
            assertThat(rolled).hasSize(mixed.length - n + 1);
            for (int i = 0; i < rolled.length; i++) {
                long poly = 0;
                for (int j = 0; j < n; j++) {
                    poly = poly * Mix.WINDOW_BASE + mixed[i + j];
                }
                assertThat(rolled[i]).isEqualTo(Mix.mix(poly ^ 17L));
            }
        }
        // equal windows hash alike, order and seed matter, too few values give no window
        assertThat(Mix.windows(mixed, 2, 17L)[0]).isEqualTo(Mix.windows(mixed, 2, 17L)[7]);
        assertThat(Mix.windows(new long[] {mixed[1], mixed[0]}, 2, 17L)[0]).isNotEqualTo(Mix.windows(mixed, 2, 17L)[0]);
        assertThat(Mix.windows(mixed, 3, 18L)[0]).isNotEqualTo(Mix.windows(mixed, 3, 17L)[0]);
        assertThat(Mix.windows(mixed, mixed.length + 1, 17L)).isEmpty();
    }

    @Test
    void scoresEachCandidateAgainstItsOwnTablesWhenCandidatesAlternate() {
        RewriteEngine engine = new RewriteEngine();
        ArticleFingerprint original = engine.fingerprint(
                "o", null, "The minister said the new railway would open in 2026. Critics said the cost had doubled.");
        ArticleFingerprint copy = engine.fingerprint(
                "c", null, "The minister said the new railway would open in 2026. Critics said the cost had doubled.!");
        ArticleFingerprint other = engine.fingerprint(
                "x", null, "Heavy rain flooded the valley overnight. Farmers counted their losses on Monday morning.");
        var first = engine.features(original, copy);
        engine.features(original, other);
        var again = engine.features(original, copy);
        assertThat(again.vector()).containsExactly(first.vector());
        assertThat(first.c5()).isGreaterThan(0.9);
        assertThat(engine.features(original, other).c5()).isZero();
    }
}
