package org.rewriteradar.similarity;

/** Stable 64-bit mixing (the SplitMix64 / MurmurHash3 finaliser): same output on every JVM. */
final class Mix {
    private Mix() {}

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static long mix(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + mix(b));
    }

    /** {@link #mix(long, long)} with {@code mb = mix(b)} already computed. */
    static long mixPremixed(long a, long mb) {
        return mix(a * 0x9E3779B97F4A7C15L + mb);
    }

    /** {@code mix(values[i])} for every value: the per-value half of {@link #mix(long, long)}, computed once. */
    static long[] premix(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = mix(values[i]);
        }
        return out;
    }

    /** Odd multiplier of {@link #windows}' polynomial. */
    static final long WINDOW_BASE = 0xD6E8FEB86659FD93L;

    /**
     * Hash of every window of {@code n} consecutive {@link #premix premixed} values, window {@code i} at
     * {@code out[i]}: the polynomial {@code mixed[i] * B^(n-1) + ... + mixed[i + n - 1]} modulo 2^64 (odd
     * base {@code B}), rolled from one window to the next in two multiplications, then finalised as {@code
     * mix(polynomial ^ seed)}. The values are well-mixed 64-bit hashes, so two different windows collide
     * with probability about 2^-64, and the finaliser spreads every bit: the same quality as a chain of
     * mixes per window at a fraction of the multiplications. Empty when there are fewer than {@code n}
     * values.
     */
    static long[] windows(long[] mixed, int n, long seed) {
        if (n < 1 || mixed.length < n) {
            return new long[0];
        }
        long[] out = new long[mixed.length - n + 1];
        long top = 1; // B^(n-1), the weight of the value leaving the window
        for (int k = 1; k < n; k++) {
            top *= WINDOW_BASE;
        }
        long h = 0;
        for (int i = 0; i < n - 1; i++) {
            h = h * WINDOW_BASE + mixed[i];
        }
        for (int i = n - 1; i < mixed.length; i++) {
            h = h * WINDOW_BASE + mixed[i];
            out[i - n + 1] = mix(h ^ seed);
            h -= mixed[i - n + 1] * top;
        }
        return out;
    }

    /** Hash of {@code n} consecutive ints starting at {@code from}, seeded. */
    static long hashRun(int[] values, int from, int n, long seed) {
        long h = seed;
        for (int i = 0; i < n; i++) {
            h = mix(h, values[from + i]);
        }
        return h;
    }
}
