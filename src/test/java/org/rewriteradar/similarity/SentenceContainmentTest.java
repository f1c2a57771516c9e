package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link PairFeatures#sentenceCandidate()} and {@link PairFeatures#sentenceOriginal()}: best single-sentence
 * containment in any order. A revision keeps each sentence's words together even when it reorders or
 * merges sentences; an independent text on the same topic shares topic words spread over its sentences.
 */
class SentenceContainmentTest {

    private static final String ORIGINAL = "The city council approved a plan on Tuesday to renovate the central"
            + " library, which opened in 1962. The renovation will add a children's wing, replace the leaking"
            + " roof and install solar panels on the south side. Work is expected to start in March and last"
            + " about eighteen months. During construction, a temporary branch will operate from the former"
            + " post office on Mill Street. Council members said the project would be paid for by a bond"
            + " approved by voters last year. Librarians welcomed the decision, saying the building had become"
            + " too small for its many visitors.";

    /** Light revision: sentences reordered and merged, some words replaced. */
    private static final String REVISION = "During the building work, a temporary branch will run from the old"
            + " post office on Mill Street. On Tuesday the city council approved a plan to renovate the central"
            + " library, which first opened in 1962, adding a children's wing, replacing the leaking roof and"
            + " installing solar panels on its south side. Work should start in March and take roughly eighteen"
            + " months. Librarians welcomed the decision and said the building had grown too small for its many"
            + " visitors. The project is to be paid for by a bond that voters approved last year, council"
            + " members said.";

    /** Written separately about the same decision: same topic words, own sentences. */
    private static final String INDEPENDENT = "Readers will soon have a bigger library. Local officials voted"
            + " to expand and modernise the central library building, a concrete block from the sixties. Plans"
            + " include new reading rooms for families, energy-saving solar panels and a new roof. The library"
            + " will close for more than a year, and books can be borrowed from a temporary site on Mill Street"
            + " in the meantime. Voters had backed a bond for the project last year. Staff said the current"
            + " building was often crowded with visitors.";

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    private PairFeatures features(String original, String candidate) {
        return engine.features(engine.fingerprint("o", null, original), engine.fingerprint("c", null, candidate));
    }

    @Test
    void isHigherForReorderedRevisionThanForIndependentTextOnSameTopic() {
        PairFeatures revision = features(ORIGINAL, REVISION);
        PairFeatures independent = features(ORIGINAL, INDEPENDENT);

        assertThat(revision.sentenceCandidate()).isGreaterThan(0.55);
        assertThat(revision.sentenceOriginal()).isGreaterThan(0.55);
        assertThat(independent.sentenceCandidate()).isLessThan(0.4);
        assertThat(independent.sentenceOriginal()).isLessThan(0.4);
        assertThat(revision.sentenceCandidate()).isGreaterThan(independent.sentenceCandidate() + 0.25);
        assertThat(revision.sentenceOriginal()).isGreaterThan(independent.sentenceOriginal() + 0.25);
    }

    @Test
    void ignoresSentenceOrderWhereInOrderAlignmentDoesNot() {
        String[] sentences = ORIGINAL.split("(?<=\\.) ");
        StringBuilder reversed = new StringBuilder();
        for (int i = sentences.length - 1; i >= 0; i--) {
            reversed.append(sentences[i]).append(i > 0 ? " " : "");
        }
        PairFeatures f = features(ORIGINAL, reversed.toString());

        assertThat(f.sentenceCandidate()).isEqualTo(1.0);
        assertThat(f.sentenceOriginal()).isEqualTo(1.0);
        assertThat(f.alignCandidate()).isLessThan(0.5);
    }

    @Test
    void isZeroWithoutSharedContent() {
        PairFeatures f = features(
                ORIGINAL,
                "Heavy snow closed mountain passes overnight. Drivers were told to carry chains and blankets."
                        + " Ski resorts hope for a busy weekend after the storm.");

        assertThat(f.sentenceCandidate()).isZero();
        assertThat(f.sentenceOriginal()).isZero();
    }

    @Test
    void weighsIntoScore() {
        PairFeatures revision = features(ORIGINAL, REVISION);
        DetectionSettings d = DetectionSettings.defaults();
        assertThat(d.weights().sentenceCandidate()).isPositive();
        assertThat(d.weights().sentenceOriginal()).isPositive();
        assertThat(engine.compare(engine.fingerprint("o", null, ORIGINAL), engine.fingerprint("c", null, REVISION)))
                .isPresent();
        assertThat(engine.compare(engine.fingerprint("o", null, ORIGINAL), engine.fingerprint("c", null, INDEPENDENT)))
                .isEmpty();
        assertThat(revision.vector()).hasSize(Feature.COUNT);
    }
}
