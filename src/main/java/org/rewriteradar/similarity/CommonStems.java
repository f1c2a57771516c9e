package org.rewriteradar.similarity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rewriteradar.text.TextAnalyzer;

/**
 * The commonest content stems of English news, which sentence keys leave out ({@link
 * DetectionSettings.Fingerprinting#sentenceKeyCommonStems()}): two unrelated sentences share a key made of
 * two such stems ("said", "year") far more often than chance, and every indexed article that does lands in the
 * same bucket. The list ({@code common-stems.txt}, written by {@code eval.CommonStemList} from the development
 * pools) is ordered by document frequency; the first {@code n} are used.
 *
 * <p>Membership is a 64 Kbit bitmap on the term hash's low bits, then a binary search on the hit: about one
 * memory read for the common case of a term not on the list.
 */
final class CommonStems {

    static final String RESOURCE = "common-stems.txt";

    private static final int BITMAP_BITS = 1 << 16;

    private final int[] sorted;
    private final long[] bitmap = new long[BITMAP_BITS / 64];

    private CommonStems(int[] terms) {
        sorted = terms.clone();
        Arrays.sort(sorted);
        for (int t : sorted) {
            int b = t & (BITMAP_BITS - 1);
            bitmap[b >>> 6] |= 1L << b;
        }
    }

    /** The first {@code n} stems of the list (none for 0); fails when the list is shorter. */
    static CommonStems first(int n) {
        List<String> stems = load();
        if (n < 0 || n > stems.size()) {
            throw new IllegalArgumentException(
                    "sentence-key-common-stems must be between 0 and " + stems.size() + ", was " + n);
        }
        int[] terms = new int[n];
        for (int i = 0; i < n; i++) {
            terms[i] = TextAnalyzer.termHash(stems.get(i));
        }
        return new CommonStems(terms);
    }

    /** Whether {@code term} (a term hash of {@link org.rewriteradar.text.AnalyzedText#terms()}) is listed. */
    boolean contains(int term) {
        int b = term & (BITMAP_BITS - 1);
        return (bitmap[b >>> 6] & (1L << b)) != 0 && Arrays.binarySearch(sorted, term) >= 0;
    }

    int size() {
        return sorted.length;
    }

    /** The listed stems, most frequent first (read once per class loader). */
    static List<String> load() {
        return Listed.STEMS;
    }

    private static final class Listed {
        static final List<String> STEMS = read();
    }

    private static List<String> read() {
        try (InputStream in = CommonStems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<String> stems = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    stems.add(line.split("\t", 2)[0].trim());
                }
            }
            return List.copyOf(stems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
