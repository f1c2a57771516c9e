package org.rewriteradar.eval;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain lexical baseline: lower-cased {@code [a-z0-9]+('[a-z0-9]+)*} word tokens of the raw body,
 * word 5-shingles, a 128-component hash4j MinHash signature, alert when the estimated Jaccard is at least
 * 0.5; LSH with 32 bands of 4 rows for stream mode.
 */
public final class MinHashBaseline {

    public static final double THRESHOLD = 0.5;
    private static final int BANDS = 32;
    private static final int ROWS = 4;
    private static final Hasher64 HASH = Hashing.komihash5_0(0xba5e_11e0L);
    private static final SimilarityHashPolicy POLICY = SimilarityHashing.minHash(BANDS * ROWS, 16);

    /** A baseline fingerprint: signature, LSH keys and a hash of the token sequence. */
    public record Fp(String id, byte[] signature, long[] keys, long textHash, int shingles) {}

    public Fp fingerprint(String id, String body) {
        List<String> words = words(body == null ? "" : body);
        long[] sh = new long[Math.max(0, words.size() - 4)];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sh.length; i++) {
            sb.setLength(0);
            for (int k = 0; k < 5; k++) {
                sb.append(words.get(i + k)).append(' ');
            }
            sh[i] = HASH.hashCharsToLong(sb);
        }
        byte[] sig = POLICY.createHasher().compute(ElementHashProvider.ofValues(sh.length == 0 ? new long[] {0L} : sh));
        long[] keys = new long[sh.length == 0 ? 0 : BANDS];
        for (int b = 0; b < keys.length; b++) {
            long h = b * 0x9E3779B97F4A7C15L;
            for (int r = 0; r < ROWS; r++) {
                h = HASH.hashLongLongToLong(h, POLICY.getComponent(sig, b * ROWS + r));
            }
            keys[b] = h;
        }
        return new Fp(id, sig, keys, HASH.hashCharsToLong(String.join(" ", words)), sh.length);
    }

    public double jaccard(Fp a, Fp b) {
        if (a.shingles() == 0 || b.shingles() == 0) {
            return 0;
        }
        return POLICY.getFractionOfEqualComponents(a.signature(), b.signature());
    }

    static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (isWordChar(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (isWordChar(d)) {
                        j++;
                    } else if (d == '\'' && j + 1 < n && isWordChar(s.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
