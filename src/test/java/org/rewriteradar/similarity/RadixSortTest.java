package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    @Test
    void sortsLikeArraysSortIncludingNegativesAndRepeats() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = rnd.nextInt(3000);
            int[] a = new int[n + 5];
            for (int i = 0; i < a.length; i++) {
                a[i] = switch (rnd.nextInt(4)) {
                    case 0 -> Integer.MIN_VALUE + rnd.nextInt(3);
                    case 1 -> Integer.MAX_VALUE - rnd.nextInt(3);
                    case 2 -> i > 0 ? a[rnd.nextInt(i)] : 0;
                    default -> rnd.nextInt();
                };
            }
            int[] expected = a.clone();
            Arrays.sort(expected, 0, n);
            RadixSort.sort(a, n);
            assertThat(a).containsExactly(expected);
        }
    }
}
