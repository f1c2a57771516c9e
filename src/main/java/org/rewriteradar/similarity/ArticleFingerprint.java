package org.rewriteradar.similarity;

/**
 * Everything the engine keeps about one article version: its normalised text and the fingerprints
 * computed from it. Stored in state stores, so every field is plain data (Jackson-serialisable: strings,
 * numbers and primitive arrays) and every hash is seeded and stable across JVMs and machines.
 *
 * @param id article id
 * @param text normalised plain text (HTML and page furniture removed); evidence offsets point into it
 * @param textHash stable 64-bit hash of {@code text}; equal hashes mean an identical re-send
 * @param tokens number of word tokens in {@code text}
 * @param terms per token: seeded 32-bit hash of its Porter stem
 * @param flags per token: bit set of {@link org.rewriteradar.text.AnalyzedText#FUNCTION},
 *     {@code NUMBER}, {@code CAPITALISED}, {@code QUOTE}
 * @param tokenStarts per token: start offset in {@code text}
 * @param tokenEnds per token: end offset (exclusive) in {@code text}
 * @param sentenceStarts first token index of each sentence, plus {@code tokens} at the end
 * @param sentenceSpans character spans of the sentences ({@code [2k]} start, {@code [2k+1]} end)
 * @param quoteSpans character spans of the quotations found in {@code text}
 * @param contentTerms sorted distinct stem hashes of the non-function words (fast pre-filter)
 * @param minHash SuperMinHash signature of the stem 3-shingles (near-duplicate LSH bands)
 * @param keys LSH candidate keys ({@link RewriteEngine#candidateKeys})
 */
public record ArticleFingerprint(
        String id,
        String text,
        long textHash,
        int tokens,
        int[] terms,
        byte[] flags,
        int[] tokenStarts,
        int[] tokenEnds,
        int[] sentenceStarts,
        int[] sentenceSpans,
        int[] quoteSpans,
        int[] contentTerms,
        byte[] minHash,
        long[] keys) {

    /** Number of sentences. */
    public int sentences() {
        return sentenceStarts == null ? 0 : sentenceStarts.length - 1;
    }
}
