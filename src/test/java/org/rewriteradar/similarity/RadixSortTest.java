package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    @Test
    void sortsLikeArraysSortIncludingNegativesAndRepeats() {
        SplittableRandom rnd = new SplittableRandom(7);
        RadixSort sorter = new RadixSort();
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
            sorter.sort(a, n);
            assertThat(a).containsExactly(expected);
        }
    }

    @Test
    void sortsLongsByAFieldKeepingTheOrderOfEqualFields() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = rnd.nextInt(3000);
            int bits = 1 + rnd.nextInt(24);
            long[] a = new long[n + 5];
            for (int i = 0; i < a.length; i++) {
                // field in bits 32.., input order in the low bits, junk above the field
                a[i] = ((long) rnd.nextInt(1 << 7) << (32 + bits)) | ((long) rnd.nextInt(1 << bits) << 32) | i;
            }
            long[] tail = Arrays.copyOfRange(a, n, a.length);
            long[] expected = Arrays.copyOf(a, n);
            long mask = (1L << bits) - 1;
            expected = Arrays.stream(expected)
                    .boxed()
                    .sorted(java.util.Comparator.comparingLong(v -> (v >>> 32) & mask))
                    .mapToLong(Long::longValue)
                    .toArray();
            RadixSort.sortByField(a, n, 32, bits);
            assertThat(Arrays.copyOf(a, n)).containsExactly(expected);
            assertThat(Arrays.copyOfRange(a, n, a.length)).containsExactly(tail);
        }
    }
}
