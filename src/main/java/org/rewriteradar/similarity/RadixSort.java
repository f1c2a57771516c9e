package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * Least-significant-digit radix sort of int arrays in ascending signed order, the order of {@link
 * Arrays#sort(int[], int, int)}: four passes over 8-bit digits, the last with the sign bit flipped.
 * Fingerprint arrays hold hundreds to thousands of uniformly distributed hashes, where this is several
 * times faster than a comparison sort. Small inputs go to {@link Arrays#sort}. Also sorts longs by a bit
 * field, stably ({@link #sortByField}).
 *
 * <p>An instance holds the scratch buffers and is not thread-safe: the engine's per-thread {@link Workspace}
 * owns one. The static {@link #sortByField(long[], int, int, int)} serves the candidate index with per-thread
 * buffers of its own (the index does not own a sorter yet).
 */
final class RadixSort {

    private static final int SMALL = 96;

    /** Sorters of the static {@link #sortByField(long[], int, int, int)}, one per thread. */
    private static final ThreadLocal<RadixSort> FOR_INDEX = ThreadLocal.withInitial(RadixSort::new);

    private int[] ints = new int[1024];
    private long[] longs = new long[1024];
    private final int[] counts = new int[256];

    /** Sorts {@code a[0..n)} ascending (signed), exactly as {@code Arrays.sort(a, 0, n)} would. */
    void sort(int[] a, int n) {
        if (n < SMALL) {
            Arrays.sort(a, 0, n);
            return;
        }
        if (ints.length < n) {
            ints = new int[Math.max(n, 2 * ints.length)];
        }
        int[] src = a;
        int[] dst = ints;
        for (int shift = 0; shift < 32; shift += 8) {
            int flip = shift == 24 ? 0x80 : 0;
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[((src[i] >>> shift) & 0xff) ^ flip]++;
            }
            startsFromCounts(counts);
            for (int i = 0; i < n; i++) {
                int v = src[i];
                dst[counts[((v >>> shift) & 0xff) ^ flip]++] = v;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        // four passes: the sorted data is back in a
    }

    /**
     * Sorts {@code a[0..n)} by the unsigned field of {@code bits} bits from bit {@code from} of each value,
     * stably: values with equal fields keep their order. 8 bits per pass, least significant first.
     */
    static void sortByField(long[] a, int n, int from, int bits) {
        FOR_INDEX.get().sortLongsByField(a, n, from, bits);
    }

    /** {@link #sortByField(long[], int, int, int)} with this sorter's buffers. */
    void sortLongsByField(long[] a, int n, int from, int bits) {
        if (longs.length < n) {
            longs = new long[Math.max(n, 2 * longs.length)];
        }
        long[] src = a;
        long[] dst = longs;
        for (int shift = from; shift < from + bits; shift += 8) {
            int digit = (1 << Math.min(8, from + bits - shift)) - 1;
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (src[i] >>> shift) & digit]++;
            }
            startsFromCounts(counts);
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[counts[(int) (v >>> shift) & digit]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /** Turns per-digit counts into each digit's first output position (exclusive prefix sums). */
    private static void startsFromCounts(int[] counts) {
        int sum = 0;
        for (int d = 0; d < counts.length; d++) {
            int c = counts[d];
            counts[d] = sum;
            sum += c;
        }
    }
}
