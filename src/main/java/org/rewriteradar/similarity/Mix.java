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

    /** Hash of {@code n} consecutive ints starting at {@code from}, seeded. */
    static long hashRun(int[] values, int from, int n, long seed) {
        long h = seed;
        for (int i = 0; i < n; i++) {
            h = mix(h, values[from + i]);
        }
        return h;
    }
}
