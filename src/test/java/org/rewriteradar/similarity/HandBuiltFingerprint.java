package org.rewriteradar.similarity;

/**
 * A fingerprint built by hand (no engine), with negative, boundary and extreme values: the input of the
 * tests that pin the exact bytes of the fingerprint codec and of the stores' binary forms.
 */
public final class HandBuiltFingerprint {

    private HandBuiltFingerprint() {}

    public static ArticleFingerprint of() {
        return new ArticleFingerprint(
                "ünï-1",
                "Some text. Another.",
                0x0123_4567_89ab_cdefL,
                16384,
                new int[] {Integer.MIN_VALUE, -1, 0, 127, 128, 16383, 16384, Integer.MAX_VALUE},
                new int[] {-300, 5, 133},
                new int[] {},
                new int[] {0, 2, 127, 1, 300, 20000},
                new int[] {0, 3, 3, 6},
                new long[] {Long.MIN_VALUE, -1L, 0L, 127L, 16384L, Long.MAX_VALUE});
    }

    /** {@link #of()} with sentence terms that index its content terms, as an engine's do. */
    public static ArticleFingerprint indexed() {
        ArticleFingerprint fp = of();
        return fp.withSets(
                fp.contentTerms(), fp.shingles(), fp.skeleton(), new int[] {0, 2, 7, 1, 3, 5}, fp.sentenceOffsets());
    }
}
