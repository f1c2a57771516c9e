package org.rewriteradar.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rewriteradar.eval.MissAnalysis.Category;
import org.rewriteradar.similarity.PairFeatures;
import org.rewriteradar.text.TextAnalyzer;

class MissAnalysisTest {

    private static PairFeatures withC5(double c5) {
        return new PairFeatures(c5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new int[0], new double[0]);
    }

    private static MissAnalysis.Extra extra(int wordsC, int shared5, int shared5Narrative) {
        return new MissAnalysis.Extra(300, wordsC, shared5, shared5Narrative, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aMissScoringAboveTheThresholdWasGated() {
        assertThat(MissAnalysis.categorise(withC5(0.3), extra(50, 0, 0), 0.6, 0.5))
                .isEqualTo(Category.GATED);
    }

    @Test
    void aShortStoryWithNoShared5GramIsACondensation() {
        assertThat(MissAnalysis.categorise(withC5(0), extra(120, 0, 0), 0.1, 0.5))
                .isEqualTo(Category.CONDENSED_NO_5GRAM);
        assertThat(MissAnalysis.categorise(withC5(0), extra(121, 0, 0), 0.1, 0.5))
                .isEqualTo(Category.REWORDED_NO_5GRAM);
    }

    @Test
    void sharedFiveGramsOnlyInsideQuotesAreQuotesOnly() {
        assertThat(MissAnalysis.categorise(withC5(0.1), extra(80, 7, 0), 0.1, 0.5))
                .isEqualTo(Category.QUOTES_ONLY);
    }

    @Test
    void narrativeReuseSplitsAtAQuarterOfTheFiveGrams() {
        assertThat(MissAnalysis.categorise(withC5(0.2499), extra(80, 7, 2), 0.1, 0.5))
                .isEqualTo(Category.PARTIAL_REUSE);
        assertThat(MissAnalysis.categorise(withC5(0.25), extra(80, 7, 2), 0.1, 0.5))
                .isEqualTo(Category.HEAVY_REUSE_LOW_SCORE);
    }

    @Test
    void extraMeasuresCountSharedFiveGramsAndQuotedWords() {
        TextAnalyzer analyzer = new TextAnalyzer();
        var original = analyzer.analyze(
                "The court heard that Mr Smith stole 40 sheep from the farm. He said \"I did it for love\" last week.");
        var candidate = analyzer.analyze(
                "Mr Smith stole 40 sheep from the farm, a court heard. He told police: \"I did it for love\".");
        MissAnalysis.Extra x = MissAnalysis.extra(original, candidate);
        assertThat(x.wordsO()).isEqualTo(original.size());
        assertThat(x.wordsC()).isEqualTo(candidate.size());
        // "mr smith stole 40 sheep", "smith stole 40 sheep from", ..., "sheep from the farm" and the quote's
        assertThat(x.shared5()).isEqualTo(5);
        assertThat(x.shared5Narrative()).isEqualTo(4);
        assertThat(x.entity()).isEqualTo(1.0);
    }
}
