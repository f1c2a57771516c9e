package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rewriteradar.text.AnalyzedText;

/** What the engine reuses between calls is recognised by value, never by identity. */
class WorkspaceTest {

    private final RewriteEngine engine = new RewriteEngine();

    @Test
    void reusesTheAnalysisOfAnEqualTextButNotOfAnotherOne() {
        Workspace ws = new Workspace();
        String text = "The minister said the railway would open in 2026. Critics said the cost had doubled.";

        AnalyzedText first = ws.analysis(text);

        assertThat(ws.analysis(new String(text.toCharArray()))).isSameAs(first);
        AnalyzedText other = ws.analysis(text + " More.");
        assertThat(other).isNotSameAs(first);
        assertThat(other.size()).isEqualTo(first.size() + 1);
    }

    @Test
    void probeTablesFollowTheSetsOfTheFingerprintGivenNotItsInstance() {
        ArticleFingerprint original = engine.fingerprint("o", null, Fixtures.seedOriginal());
        ArticleFingerprint rewrite = engine.fingerprint("r", null, Fixtures.seedRewrite());
        // an equal fingerprint in other arrays (as read from a store), and another fingerprint
        ArticleFingerprint rewriteCopy = FingerprintCodec.decode(FingerprintCodec.encode(rewrite));
        ArticleFingerprint other = engine.fingerprint("x", null, Fixtures.read("sameevent-a.txt"));

        double[] expected = engine.features(original, rewrite).vector();
        engine.features(original, other);

        assertThat(engine.features(original, rewriteCopy).vector()).containsExactly(expected);
        assertThat(engine.features(original, rewrite).vector()).containsExactly(expected);
        assertThat(engine.features(rewrite, original).vector()).isNotEqualTo(expected);
    }

    @Test
    void aProbeTableFailingToBuildIsNotReused() {
        Workspace ws = new Workspace();
        ArticleFingerprint good = engine.fingerprint("g", null, Fixtures.seedRewrite());
        int[] badTerms = good.sentenceTerms().clone();
        badTerms[0] = good.contentTerms().length + 5; // leaves the dictionary
        ArticleFingerprint bad = new ArticleFingerprint(
                "b",
                good.text(),
                good.textHash(),
                good.tokens(),
                good.contentTerms(),
                good.shingles(),
                good.skeleton(),
                badTerms,
                good.sentenceOffsets(),
                good.keys());

        try {
            ws.candidateTables.prepare(bad, 3);
        } catch (RuntimeException expected) {
            // the fingerprint is inconsistent
        }
        ProbeSets tables = ws.candidateTables.prepare(good, 3);

        assertThat(tables.narrativeContent).isPositive();
        assertThat(tables.postingStart[good.contentTerms().length]).isPositive();
    }
}
