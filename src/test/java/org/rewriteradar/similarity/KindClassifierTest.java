package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rewriteradar.config.DetectionOverrides;

class KindClassifierTest {

    private final KindClassifier kinds = new KindClassifier(DetectionSettings.Kinds.defaults());

    /** A pair below the near-duplicate containment, aligned in order on both sides. */
    private static PairFeatures aligned(double skeleton, double narrative5) {
        return new PairFeatures(
                0.3, 0.2, 0.3, narrative5, skeleton, 0.8, 0.8, 0.6, 0.5, 0.5, 0.6, 0, 0, new int[0], new double[0]);
    }

    @Test
    void defaultsArePinned() {
        assertThat(DetectionSettings.Kinds.defaults())
                .isEqualTo(new DetectionSettings.Kinds(0.55, 0.9, 0.6, 0.5, 0.045));
    }

    @Test
    void alignedPairKeepingTheSkeletonIsSpunFromExactlyTheThreshold() {
        assertThat(kinds.kind(aligned(0.5, 0.3))).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(kinds.kind(aligned(0.4999, 0.3))).isEqualTo(RewriteKind.PARAPHRASE);
    }

    @Test
    void alignedPairWithNoNarrativePhraseLeftIsSpunUpToExactlyTheThreshold() {
        assertThat(kinds.kind(aligned(0.132, 0.045))).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(kinds.kind(aligned(0.132, 0.0451))).isEqualTo(RewriteKind.PARAPHRASE);
    }

    @Test
    void humanRewriteFollowingTheOriginalSentenceBySentenceIsParaphrase() {
        // a METER-like newspaper rewrite: aligned, skeleton changed, some wire phrases kept
        assertThat(kinds.kind(aligned(0.215, 0.262))).isEqualTo(RewriteKind.PARAPHRASE);
    }

    @Test
    void unalignedPairIsParaphraseWhateverItsSkeleton() {
        PairFeatures f = new PairFeatures(
                0.3, 0.2, 0.3, 0.0, 0.9, 0.59, 0.8, 0.6, 0.5, 0.5, 0.6, 0, 0, new int[0], new double[0]);
        assertThat(kinds.kind(f)).isEqualTo(RewriteKind.PARAPHRASE);
    }

    @Test
    void zeroSkeletonThresholdMakesEveryAlignedPairSpunAsBefore() {
        KindClassifier old =
                new KindClassifier(DetectionSettings.Kinds.defaults().withSpunMinSkeleton(0));
        assertThat(old.kind(aligned(0.0, 0.9))).isEqualTo(RewriteKind.SPUN_REWRITE);
    }

    @Test
    void spunMaxNarrative5IsASettingInKebabCase() {
        DetectionSettings s = DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("kinds.spun-max-narrative5", "0.1", "kinds.spun-min-skeleton", "0.7"));
        assertThat(s.kinds().spunMaxNarrative5()).isEqualTo(0.1);
        assertThat(s.kinds().spunMinSkeleton()).isEqualTo(0.7);
    }
}
