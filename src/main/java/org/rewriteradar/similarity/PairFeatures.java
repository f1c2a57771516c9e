package org.rewriteradar.similarity;

/**
 * The measurements of one (original, candidate) pair that the calibrated score combines. All in [0,1]
 * except {@code lengthRatio} (absolute log ratio of token counts).
 *
 * @param c5 shared stem 5-shingles over the smaller shingle set
 * @param j5 Jaccard of the stem 5-shingle sets
 * @param containment candidate's stem 5-shingles found in the original, over the candidate's (quotes
 *     included): the share of the new article's 5-word phrases the earlier one holds
 * @param narrative5 candidate's non-quote stem 5-shingles found in the original
 * @param skeleton candidate's non-quote skeleton n-grams found in the original
 * @param alignCandidate share of the candidate's narrative content covered by in-order aligned sentences
 * @param alignOriginal share of the original's narrative content covered by in-order aligned sentences
 * @param alignSimilarity mean Dice similarity of the aligned sentence pairs (0 when none)
 * @param sentenceCandidate share of the candidate's narrative content (in alignable sentences) found
 *     together in one sentence of the original: for each candidate sentence, the most stems it shares with
 *     any single original sentence, in any order, summed over sentences and divided by their total
 * @param sentenceOriginal the same from the original's side: for each original sentence, the most stems it
 *     shares with any single candidate sentence, over the original's narrative content
 * @param unigram candidate's distinct narrative content stems found in the original
 * @param quoteShared candidate's quoted 3-shingles found verbatim in the original
 * @param lengthRatio |log(candidate tokens / original tokens)|
 * @param alignedPairs aligned sentence pairs, {@code [2k]} original sentence, {@code [2k+1]} candidate
 * @param alignedSims similarity of each aligned pair
 */
public record PairFeatures(
        double c5,
        double j5,
        double containment,
        double narrative5,
        double skeleton,
        double alignCandidate,
        double alignOriginal,
        double alignSimilarity,
        double sentenceCandidate,
        double sentenceOriginal,
        double unigram,
        double quoteShared,
        double lengthRatio,
        int[] alignedPairs,
        double[] alignedSims) {

    /** The score's inputs, one per {@link Feature}, in the order of {@link Feature#ALL}. */
    public double[] vector() {
        double[] v = new double[Feature.COUNT];
        for (Feature f : Feature.ALL) {
            v[f.ordinal()] = f.of(this);
        }
        return v;
    }

    /** The same features with {@code quoteShared} replaced. */
    public PairFeatures withQuoteShared(double value) {
        return new PairFeatures(
                c5,
                j5,
                containment,
                narrative5,
                skeleton,
                alignCandidate,
                alignOriginal,
                alignSimilarity,
                sentenceCandidate,
                sentenceOriginal,
                unigram,
                value,
                lengthRatio,
                alignedPairs,
                alignedSims);
    }
}
