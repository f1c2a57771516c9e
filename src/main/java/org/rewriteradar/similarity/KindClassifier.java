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
 *       spunMinAlign} and {@code skeleton} at least {@code spunMinSkeleton} (same sentences in the same
 *       order, words changed);
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
                && f.skeleton() >= kinds.spunMinSkeleton()) {
            return RewriteKind.SPUN_REWRITE;
        }
        return RewriteKind.PARAPHRASE;
    }
}
