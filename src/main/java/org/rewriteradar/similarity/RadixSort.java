package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * Least-significant-digit radix sort of int arrays in ascending signed order, the order of {@link
 * Arrays#sort(int[], int, int)}: four passes over 8-bit digits, the last with the sign bit flipped.
 * Fingerprint arrays hold hundreds to thousands of uniformly distributed hashes, where this is several
 * times faster than a comparison sort. Small inputs go to {@link Arrays#sort}. Also sorts longs by a bit
 * field, stably ({@link #sortByField}). The scratch buffers are per
 * thread.
 */
final class RadixSort {

    private static final int SMALL = 96;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        int[] ints = new int[1024];
        long[] longs = new long[1024];
        final int[] counts = new int[256];
    }

    private RadixSort() {}

    /** Sorts {@code a[0..n)} ascending (signed), exactly as {@code Arrays.sort(a, 0, n)} would. */
    static void sort(int[] a, int n) {
        if (n < SMALL) {
            Arrays.sort(a, 0, n);
            return;
        }
        Buffers b = BUFFERS.get();
        if (b.ints.length < n) {
            b.ints = new int[Math.max(n, 2 * b.ints.length)];
        }
        int[] src = a;
        int[] dst = b.ints;
        int[] counts = b.counts;
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
        Buffers b = BUFFERS.get();
        if (b.longs.length < n) {
            b.longs = new long[Math.max(n, 2 * b.longs.length)];
        }
        long[] src = a;
        long[] dst = b.longs;
        int[] counts = b.counts;
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
