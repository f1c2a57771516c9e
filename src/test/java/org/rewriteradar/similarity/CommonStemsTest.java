package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextAnalyzer;

class CommonStemsTest {

    private static List<Integer> contentTerms(String text) {
        AnalyzedText at = new TextAnalyzer().analyze(text);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            if ((at.flags()[i] & AnalyzedText.FUNCTION) == 0) {
                out.add(at.terms()[i]);
            }
        }
        return out;
    }

    @Test
    void listsTheEnginesOwnTermsOfTheCommonestNewsWords() {
        CommonStems common = CommonStems.first(300);
        assertThat(common.size()).isEqualTo(300);
        // the list's stems are the engine's terms: "said", "company" and "markets" as the analyser makes them
        assertThat(contentTerms("The company said markets")).hasSize(3).allMatch(common::contains);
        assertThat(contentTerms("Pinochet extradition magistrate")).noneMatch(common::contains);
    }

    @Test
    void takesTheFirstStemsInOrderOfFrequency() {
        List<String> stems = CommonStems.load();
        assertThat(stems).hasSizeGreaterThanOrEqualTo(1000).startsWith("said", "year");
        assertThat(CommonStems.first(1).contains(TextAnalyzer.termHash("said"))).isTrue();
        assertThat(CommonStems.first(1).contains(TextAnalyzer.termHash("year"))).isFalse();
        assertThat(CommonStems.first(0).contains(TextAnalyzer.termHash("said"))).isFalse();
        assertThatThrownBy(() -> CommonStems.first(stems.size() + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesCommonStemsOutOfSentenceKeysOnly() {
        DetectionSettings.Fingerprinting plain =
                DetectionSettings.Fingerprinting.defaults().withSentenceKeyCommonStems(0);
        DetectionSettings.Candidates candidates = DetectionSettings.Candidates.defaults();
        CandidateKeys without = new CandidateKeys(plain, candidates);
        CandidateKeys with = new CandidateKeys(plain.withSentenceKeyCommonStems(300), candidates);
        TextAnalyzer analyzer = new TextAnalyzer();
        // every content word common: no sentence key once they are left out, two (one per seed) before
        AnalyzedText common = analyzer.analyze("The company said the market price was expected to rise last year.");
        long[] mixed = Mix.premix(common.terms());
        int bands = plain.lshBands();
        assertThat(without.of(common, mixed)).hasSize(bands + 2);
        assertThat(with.of(common, mixed)).hasSize(bands);
        // a sentence of rare words keeps its keys, and the band keys never change
        AnalyzedText rare = analyzer.analyze("Pinochet faced extradition hearings before magistrates in Belmarsh.");
        long[] rareMixed = Mix.premix(rare.terms());
        assertThat(with.of(rare, rareMixed)).containsExactly(without.of(rare, rareMixed));
    }
}
