package org.rewriteradar.text;

/**
 * The token stream of one normalised text. All arrays are parallel, one entry per token.
 *
 * @param terms seeded 32-bit hash of each token's Porter stem (lower-cased, possessive removed)
 * @param flags bit set per token: {@link #FUNCTION}, {@link #NUMBER}, {@link #CAPITALISED}, {@link #QUOTE}
 * @param starts start offset of each token in the text
 * @param ends end offset (exclusive) of each token in the text
 * @param sentenceStarts index of the first token of each sentence, plus the token count at the end
 * @param sentenceSpans character spans of the sentences, {@code [2k]} start, {@code [2k+1]} end
 * @param quoteSpans character spans of quotations (see {@link QuoteExtractor})
 */
public record AnalyzedText(
        int[] terms,
        byte[] flags,
        int[] starts,
        int[] ends,
        int[] sentenceStarts,
        int[] sentenceSpans,
        int[] quoteSpans) {

    /** Token is an English function word ({@link FunctionWords}). */
    public static final byte FUNCTION = 1;
    /** Token is a number. */
    public static final byte NUMBER = 2;
    /** Token is capitalised in a non-initial sentence position (a name). */
    public static final byte CAPITALISED = 4;
    /** Token lies inside a quotation. */
    public static final byte QUOTE = 8;

    public int size() {
        return terms.length;
    }

    public int sentences() {
        return sentenceStarts.length - 1;
    }
}
