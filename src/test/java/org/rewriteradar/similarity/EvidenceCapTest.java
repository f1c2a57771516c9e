package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DetectionSettings.Evidence#maxPassageChars()}: every passage text a detection carries is cut to it,
 * between code points, offsets kept, marked {@code truncated}; short passages and the detection itself
 * (kind, score, signals, which passages) unchanged.
 */
class EvidenceCapTest {

    private static final String GRIN = "\uD83D\uDE00"; // U+1F600, a surrogate pair

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    private static RewriteEngine engineCutAt(int maxPassageChars) {
        DetectionSettings d = DetectionSettings.defaults();
        return new RewriteEngine(d.withEvidence(d.evidence().withMaxPassageChars(maxPassageChars)));
    }

    @Test
    void theDefaultIsAThousandCharacters() {
        assertThat(DetectionSettings.defaults().evidence().maxPassageChars()).isEqualTo(1000);
    }

    @Test
    void aTextNoLongerThanTheCapIsKeptAsItIs() {
        String text = "x".repeat(10);

        assertThat(MatchedPassage.cut(text, 10)).isSameAs(text);
        assertThat(MatchedPassage.cut(text, 11)).isSameAs(text);
        assertThat(MatchedPassage.cut("", 1)).isEmpty();
    }

    @Test
    void aLongerTextKeepsItsFirstCharacters() {
        assertThat(MatchedPassage.cut("abcdefghij", 4)).isEqualTo("abcd");
    }

    @Test
    void neverCutsInsideASurrogatePair() {
        String text = "abc" + GRIN + "def"; // a b c \uD83D \uDE00 d e f

        assertThat(MatchedPassage.cut(text, 4)).isEqualTo("abc"); // would end on the high surrogate
        assertThat(MatchedPassage.cut(text, 5)).isEqualTo("abc" + GRIN);
        assertThat(MatchedPassage.cut(text, 3)).isEqualTo("abc");
        assertThat(MatchedPassage.cut(GRIN + GRIN, 1)).isEmpty();
        // a lone low surrogate at the cut is left as it is: nothing to keep together
        assertThat(MatchedPassage.cut("ab\uDE00cd", 3)).isEqualTo("ab\uDE00");
    }

    @Test
    void aShortPassageIsUntouchedAndALongOneKeepsItsOffsets() {
        MatchedPassage shortOne = new MatchedPassage(3, 8, 10, 15, "hello", "world", 0.9, true);
        assertThat(shortOne.cut(5)).isSameAs(shortOne);
        assertThat(shortOne.truncated()).isFalse();

        MatchedPassage longOne = new MatchedPassage(100, 120, 7, 12, "a".repeat(20), "short", 0.5, false);
        MatchedPassage cut = longOne.cut(6);
        assertThat(cut).isEqualTo(new MatchedPassage(100, 120, 7, 12, "a".repeat(6), "short", 0.5, false, true));
    }

    @Test
    void aVerbatimCopyOfALongArticleCarriesTheFirstCharactersOfEachSide() {
        String body = longBody();
        ArticleFingerprint original = engine.fingerprint("o", null, body);
        ArticleFingerprint copy = engine.fingerprint("c", null, body);
        assertThat(original.text()).hasSizeGreaterThan(20_000);

        Detection d = engine.compare(original, copy).orElseThrow();

        assertThat(d.kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
        MatchedPassage p = d.evidence().get(0);
        assertThat(d.evidence()).hasSize(1);
        assertThat(p.truncated()).isTrue();
        assertThat(p.originalStart()).isZero();
        assertThat(p.originalEnd()).isEqualTo(original.text().length());
        assertThat(p.candidateEnd()).isEqualTo(copy.text().length());
        assertThat(p.originalText()).hasSize(1000).isEqualTo(original.text().substring(0, 1000));
        assertThat(p.candidateText()).isEqualTo(copy.text().substring(0, 1000));
    }

    @Test
    void aVerbatimCopyIsCutBeforeASurrogatePairThatStraddlesTheCap() {
        String body = "Markets cheered " + GRIN + " the news on Tuesday. " + longBody();
        ArticleFingerprint a = engine.fingerprint("o", null, body);
        ArticleFingerprint b = engine.fingerprint("c", null, body);
        int high = a.text().indexOf(GRIN);
        assertThat(high).isPositive();

        MatchedPassage p =
                engineCutAt(high + 1).compare(a, b).orElseThrow().evidence().get(0);

        assertThat(p.originalText()).isEqualTo(a.text().substring(0, high));
        assertThat(p.candidateText()).isEqualTo(b.text().substring(0, high));
        assertThat(p.truncated()).isTrue();
        assertThat(p.originalEnd()).isEqualTo(a.text().length());
    }

    @Test
    void aShortVerbatimCopyIsCarriedWhole() {
        ArticleFingerprint a = engine.fingerprint("o", null, "A short wire story about the weather today.");
        ArticleFingerprint b = engine.fingerprint("c", null, "A short wire story about the weather today.");

        MatchedPassage p = engine.compare(a, b).orElseThrow().evidence().get(0);

        assertThat(p.truncated()).isFalse();
        assertThat(p.originalText()).isEqualTo(a.text());
        assertThat(p.candidateText()).isEqualTo(b.text());
    }

    @Test
    void sentenceAndQuotePassagesAreCutAndTheDetectionIsOtherwiseTheSame() {
        ArticleFingerprint o = engine.fingerprint("002", null, Fixtures.seedOriginal());
        ArticleFingerprint c = engine.fingerprint("000", null, Fixtures.seedRewrite());
        Detection whole = engine.compare(o, c).orElseThrow();
        assertThat(whole.evidence()).noneMatch(MatchedPassage::truncated);

        Detection cut = engineCutAt(30).compare(o, c).orElseThrow();

        assertThat(cut.kind()).isEqualTo(whole.kind());
        assertThat(cut.score()).isEqualTo(whole.score());
        assertThat(cut.signals()).isEqualTo(whole.signals());
        assertThat(cut.evidence()).hasSameSizeAs(whole.evidence());
        assertThat(cut.evidence()).anyMatch(MatchedPassage::quote).anyMatch(p -> !p.quote());
        for (int i = 0; i < whole.evidence().size(); i++) {
            MatchedPassage w = whole.evidence().get(i);
            MatchedPassage p = cut.evidence().get(i);
            assertThat(p.originalText()).hasSizeLessThanOrEqualTo(30);
            assertThat(p.candidateText()).hasSizeLessThanOrEqualTo(30);
            assertThat(w.originalText()).startsWith(p.originalText());
            assertThat(w.candidateText()).startsWith(p.candidateText());
            assertThat(p.truncated())
                    .isEqualTo(
                            w.originalText().length() > 30 || w.candidateText().length() > 30);
            assertThat(List.of(p.originalStart(), p.originalEnd(), p.candidateStart(), p.candidateEnd()))
                    .isEqualTo(List.of(w.originalStart(), w.originalEnd(), w.candidateStart(), w.candidateEnd()));
            assertThat(p.similarity()).isEqualTo(w.similarity());
            assertThat(p.quote()).isEqualTo(w.quote());
        }
        assertThat(cut.evidence()).anyMatch(MatchedPassage::truncated);
    }

    @Test
    void aLongRevisionIsCutWithItsOffsets() {
        String before = Fixtures.seedOriginal();
        String added = longBody().substring(0, 5_000);
        ArticleFingerprint a = engine.fingerprint("v", null, before);
        ArticleFingerprint b = engine.fingerprint("v", null, before + "\n\n" + added);

        Detection d = engine.compareVersions(a, b).orElseThrow();

        assertThat(d.evidence()).singleElement().satisfies(p -> {
            assertThat(p.truncated()).isTrue();
            assertThat(p.candidateEnd() - p.candidateStart()).isGreaterThan(4_000);
            assertThat(p.candidateText())
                    .hasSize(1000)
                    .isEqualTo(b.text().substring(p.candidateStart(), p.candidateStart() + 1000));
            assertThat(p.originalText()).isEmpty();
        });
        assertThat(d.signals().get("addedChars")).isGreaterThan(4_000);
    }

    @Test
    void refusesACapBelowOneCharacter() {
        assertThatThrownBy(() -> engineCutAt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-passage-chars");
    }

    /** About 30,000 characters of sentences, in paragraphs. */
    private static String longBody() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 30_000; i++) {
            sb.append("Paragraph ")
                    .append(i)
                    .append(" tells how the council met on day ")
                    .append(i)
                    .append(" and voted on the budget for the harbour, the schools and the roads. ")
                    .append("The mayor said the vote was close.\n\n");
        }
        return sb.toString();
    }
}
