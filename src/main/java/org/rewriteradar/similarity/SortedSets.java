package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * Sort-and-deduplicate of hash arrays, the one place the engine makes its sorted sets: packed sets of
 * hashes with a narrative bit (see {@link ArticleFingerprint}) and plain sorted sets of 64-bit keys.
 */
final class SortedSets {

    private SortedSets() {}

    /**
     * Sorts packed items {@code a[0..n)} (in place, with {@code sorter}) and merges items of equal hash
     * ({@code value >> 1}), OR-ing their narrative bits; returns the distinct items, ascending.
     */
    static int[] packedUnique(int[] a, int n, RadixSort sorter) {
        sorter.sort(a, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u > 0 && (a[i] >> 1) == (a[u - 1] >> 1)) {
                a[u - 1] |= a[i] & 1;
            } else {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    /** Sorts {@code a[0..n)} in place and returns its distinct values, ascending. */
    static long[] unique(long[] a, int n) {
        Arrays.sort(a, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || a[i] != a[u - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }
}
