package org.rewriteradar.similarity;

/**
 * The kind of rewriting an alerting pair's features support, strongest first:
 *
 * <ol>
 *   <li>{@link RewriteKind#VERBATIM_COPY}: {@code c5} and {@code j5} both at least {@code verbatimJaccard}
 *       (nearly all 5-shingles shared, both ways);
 *   <li>{@link RewriteKind#NEAR_DUPLICATE}: {@code c5} at least {@code nearDuplicateContainment} (such a pair
 *       alerts whatever its score);
 *   <li>{@link RewriteKind#SPUN_REWRITE}: {@code alignCandidate} and {@code alignOriginal} at least {@code
 *       spunMinAlign} (same sentences in the same order), and either {@code skeleton} at least {@code
 *       spunMinSkeleton} (words swapped, the sentence's function words, names and numbers kept) or {@code
 *       narrative5} at most {@code spunMaxNarrative5} (every phrase of the narrative changed, as a spinner
 *       that also recasts clauses leaves it); a human rewrite that follows the original sentence by sentence
 *       changes the skeleton and keeps some phrases;
 *   <li>{@link RewriteKind#PARAPHRASE} otherwise.
 * </ol>
 */
final class KindClassifier {

    private final DetectionSettings.Kinds kinds;

    KindClassifier(DetectionSettings.Kinds kinds) {
        this.kinds = kinds;
    }

    /** True when the pair alerts whatever its score: {@code c5} at or above {@code nearDuplicateContainment}. */
    boolean forced(PairFeatures f) {
        return f.c5() >= kinds.nearDuplicateContainment();
    }

    /** The kind of rewriting the features support (assuming the pair alerts). */
    RewriteKind kind(PairFeatures f) {
        if (f.c5() >= kinds.verbatimJaccard() && f.j5() >= kinds.verbatimJaccard()) {
            return RewriteKind.VERBATIM_COPY;
        }
        if (f.c5() >= kinds.nearDuplicateContainment()) {
            return RewriteKind.NEAR_DUPLICATE;
        }
        if (f.alignCandidate() >= kinds.spunMinAlign()
                && f.alignOriginal() >= kinds.spunMinAlign()
                && (f.skeleton() >= kinds.spunMinSkeleton() || f.narrative5() <= kinds.spunMaxNarrative5())) {
            return RewriteKind.SPUN_REWRITE;
        }
        return RewriteKind.PARAPHRASE;
    }
}
