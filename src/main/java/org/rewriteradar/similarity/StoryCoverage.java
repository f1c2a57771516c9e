package org.rewriteradar.similarity;

/**
 * Which of an article's stem 5-shingles one earlier version of a story holds: the measure a story alert
 * ({@link DetectionSettings.Stories}) unites over the story's versions.
 *
 * @param found bit {@code i} set when the article's {@code i}-th shingle ({@link ArticleFingerprint#shingles()}
 *     order) is in the version, {@code (shingles + 63) / 64} words
 * @param shared the number of bits set
 */
public record StoryCoverage(long[] found, int shared) {

    /** Coverage of the shingles of {@code article} by those of {@code version}: a merge of the two sorted sets. */
    static StoryCoverage of(ArticleFingerprint article, ArticleFingerprint version) {
        int[] a = article.shingles();
        int[] b = version.shingles();
        long[] found = new long[words(a.length)];
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int x = a[i] >> 1;
            int y = b[j] >> 1;
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                found[i >> 6] |= 1L << i;
                shared++;
                i++;
                j++;
            }
        }
        return new StoryCoverage(found, shared);
    }

    /**
     * The share of the article's narrative shingles (bit 0 of the packed hash: outside quotations) set in
     * {@code found}; 0 for an article without narrative shingles.
     */
    static double narrativeShare(ArticleFingerprint article, long[] found) {
        int[] a = article.shingles();
        int narrative = 0;
        int hit = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 1) != 0) {
                narrative++;
                if (i >> 6 < found.length && (found[i >> 6] & (1L << i)) != 0) {
                    hit++;
                }
            }
        }
        return narrative == 0 ? 0 : (double) hit / narrative;
    }

    /** Words of a bit set over {@code n} shingles. */
    public static int words(int n) {
        return (n + 63) >>> 6;
    }
}
