package org.rewriteradar.similarity;

/**
 * One aligned pair of passages: a stretch of the original and the stretch of the candidate that was
 * found to reproduce it. Offsets are character offsets into the <em>normalised</em> texts
 * ({@link ArticleFingerprint#text()}), start inclusive, end exclusive.
 *
 * @param originalStart start offset in the original's normalised text
 * @param originalEnd end offset in the original's normalised text
 * @param candidateStart start offset in the candidate's normalised text
 * @param candidateEnd end offset in the candidate's normalised text
 * @param originalText the original passage
 * @param candidateText the candidate passage
 * @param similarity how alike the two passages are, in [0,1]
 * @param quote whether the passage is (mostly) a quotation found verbatim in both texts
 */
public record MatchedPassage(
        int originalStart,
        int originalEnd,
        int candidateStart,
        int candidateEnd,
        String originalText,
        String candidateText,
        double similarity,
        boolean quote) {}
