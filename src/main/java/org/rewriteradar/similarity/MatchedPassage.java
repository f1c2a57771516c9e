package org.rewriteradar.similarity;

/**
 * One aligned pair of passages: a stretch of the original and the stretch of the candidate that was
 * found to reproduce it. Offsets are character offsets into the <em>normalised</em> texts
 * ({@link ArticleFingerprint#text()}), start inclusive, end exclusive.
 *
 * <p>The texts are at most {@link DetectionSettings.Evidence#maxPassageChars()} characters each: a longer
 * passage keeps its exact offsets and carries the first characters of its text (cut between two code
 * points, never inside a surrogate pair), with {@code truncated} set. A reader wanting the whole passage
 * takes {@code [start, end)} of the stored article's normalised text. In JSON, an alert written before
 * this field existed reads as {@code truncated} false (its texts were whole).
 *
 * @param originalStart start offset in the original's normalised text
 * @param originalEnd end offset in the original's normalised text
 * @param candidateStart start offset in the candidate's normalised text
 * @param candidateEnd end offset in the candidate's normalised text
 * @param originalText the original passage (its first characters when {@code truncated})
 * @param candidateText the candidate passage (its first characters when {@code truncated})
 * @param similarity how alike the two passages are, in [0,1]
 * @param quote whether the passage is (mostly) a quotation found verbatim in both texts
 * @param truncated whether a text was cut: that text is then shorter than its {@code end - start}
 */
public record MatchedPassage(
        int originalStart,
        int originalEnd,
        int candidateStart,
        int candidateEnd,
        String originalText,
        String candidateText,
        double similarity,
        boolean quote,
        boolean truncated) {

    /** A passage whose texts are whole (not yet cut). */
    MatchedPassage(
            int originalStart,
            int originalEnd,
            int candidateStart,
            int candidateEnd,
            String originalText,
            String candidateText,
            double similarity,
            boolean quote) {
        this(
                originalStart,
                originalEnd,
                candidateStart,
                candidateEnd,
                originalText,
                candidateText,
                similarity,
                quote,
                false);
    }

    /**
     * This passage with each text cut to at most {@code maxChars} characters ({@link #cut(String, int)}),
     * offsets unchanged, {@code truncated} when either text was cut; this passage itself when neither was.
     */
    MatchedPassage cut(int maxChars) {
        String o = cut(originalText, maxChars);
        String c = cut(candidateText, maxChars);
        if (o == originalText && c == candidateText) {
            return this;
        }
        return new MatchedPassage(
                originalStart, originalEnd, candidateStart, candidateEnd, o, c, similarity, quote, true);
    }

    /**
     * The first at most {@code maxChars} characters (UTF-16 units) of {@code text}, one fewer when the cut
     * would separate a surrogate pair; {@code text} itself when it is not longer.
     */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }
}
