package org.rewriteradar.similarity;

/**
 * The cheap prefilter: decides, from the first and cheapest measures of a pair, that it cannot alert, so
 * that most candidate pairs (topical neighbours) skip the skeleton and the sentence alignment. Two stages,
 * asked in this order by {@link FeatureMeter}:
 *
 * <ol>
 *   <li>{@link #rejectsContent}: after the content-stem probe. With S the distinct content stems the two
 *       share, the pair is rejected when both S / |candidate content| and S / |original content| are below
 *       {@code minContainment} (neither side's vocabulary is largely contained in the other's).
 *   <li>{@link #rejectsShingles}: after the shingle probe. A pair whose {@code unigram} (share of the
 *       candidate's narrative content stems found in the original) is below {@code minUnigram} is rejected
 *       unless its {@code c5} reaches min({@code minShingleContainment}, {@code nearDuplicateContainment}):
 *       a topical neighbour shares many words but few 5-grams, and a near duplicate always passes.
 * </ol>
 *
 * Only {@code compare} gates; {@code features} measures every pair.
 */
final class PairGate {

    private final DetectionSettings.Gate gate;
    private final double nearDuplicateContainment;

    PairGate(DetectionSettings.Gate gate, DetectionSettings.Kinds kinds) {
        this.gate = gate;
        this.nearDuplicateContainment = kinds.nearDuplicateContainment();
    }

    /**
     * True when neither side's content stems are contained in the other's to {@code minContainment}: {@code
     * shared} distinct stems of {@code originalContent} and {@code candidateContent} (an empty side never
     * passes on its own).
     */
    boolean rejectsContent(int shared, int originalContent, int candidateContent) {
        double minContainment = gate.minContainment();
        return (candidateContent == 0 || (double) shared / candidateContent < minContainment)
                && (originalContent == 0 || (double) shared / originalContent < minContainment);
    }

    /** True when the pair is below the unigram gate and shares too few 5-shingles to be scored anyway. */
    boolean rejectsShingles(double unigram, double c5) {
        return unigram < gate.minUnigram() && c5 < Math.min(gate.minShingleContainment(), nearDuplicateContainment);
    }
}
