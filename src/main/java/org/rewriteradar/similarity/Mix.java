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

    /** {@link #hashRun} over {@link #premix premixed} values: the same hash, half the mixing. */
    static long hashRunPremixed(long[] mixed, int from, int n, long seed) {
        return extendRunPremixed(seed, mixed, from, n);
    }

    /**
     * Continues a {@link #hashRunPremixed} chain {@code h} over {@code n} more premixed values from {@code
     * from}: {@code extendRunPremixed(hashRunPremixed(m, i, k, seed), m, i + k, n) == hashRunPremixed(m, i, k
     * + n, seed)}.
     */
    static long extendRunPremixed(long h, long[] mixed, int from, int n) {
        for (int i = 0; i < n; i++) {
            h = mixPremixed(h, mixed[from + i]);
        }
        return h;
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
