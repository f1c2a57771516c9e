package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link StoryCoverage} and the engine's story methods: a story's versions held together. */
class StoryCoverageTest {

    private final RewriteEngine engine = new RewriteEngine();

    private static String[] halves() {
        String text = Fixtures.seedOriginal();
        int middle = text.indexOf("\n\n", text.length() / 2);
        return new String[] {text.substring(0, middle), text.substring(middle + 2)};
    }

    @Test
    void twoVersionsHoldTogetherWhatNeitherHoldsAlone() {
        String[] half = halves();
        ArticleFingerprint article = engine.fingerprint("rewrite", null, Fixtures.seedOriginal());
        ArticleFingerprint first = engine.fingerprint("first-copy", null, half[0]);
        ArticleFingerprint second = engine.fingerprint("night-lead", null, half[1]);

        StoryCoverage a = engine.storyCoverage(article, first);
        StoryCoverage b = engine.storyCoverage(article, second);
        long[] union = a.found().clone();
        for (int w = 0; w < union.length; w++) {
            union[w] |= b.found()[w];
        }

        assertThat(a.found()).hasSize(StoryCoverage.words(article.shingles().length));
        assertThat(bits(a.found())).isEqualTo(a.shared());
        assertThat(bits(b.found())).isEqualTo(b.shared());
        assertThat(a.shared() + b.shared()).isEqualTo(bits(union)); // the halves share no 5-gram
        double together = engine.storyShare(article, union);
        assertThat(together)
                .isGreaterThan(engine.storyShare(article, a.found()))
                .isGreaterThan(engine.storyShare(article, b.found()))
                .isGreaterThan(0.95);
    }

    @Test
    void storyShareCountsNarrativeShinglesOnly() {
        ArticleFingerprint article = engine.fingerprint("rewrite", null, Fixtures.seedOriginal());
        int[] shingles = article.shingles();
        long[] quotesOnly = new long[StoryCoverage.words(shingles.length)];
        long[] narrativeOnly = new long[quotesOnly.length];
        int narrative = 0;
        for (int i = 0; i < shingles.length; i++) {
            long[] into = (shingles[i] & 1) != 0 ? narrativeOnly : quotesOnly;
            into[i >> 6] |= 1L << i;
            narrative += shingles[i] & 1;
        }
        assertThat(narrative).isPositive().isLessThan(shingles.length); // the seed quotes its sources

        assertThat(engine.storyShare(article, quotesOnly)).isZero();
        assertThat(engine.storyShare(article, narrativeOnly)).isEqualTo(1.0);
        assertThat(engine.storyShare(article, new long[0])).isZero();
    }

    @Test
    void versionSharingNothingCoversNothing() {
        ArticleFingerprint article = engine.fingerprint("rewrite", null, Fixtures.seedOriginal());
        ArticleFingerprint other = engine.fingerprint("other", null, Fixtures.read("sameevent-a.txt"));
        StoryCoverage none = engine.storyCoverage(
                article, engine.fingerprint("unrelated", null, "Rain is expected over the weekend in the north."));
        assertThat(none.shared()).isZero();
        assertThat(bits(none.found())).isZero();
        assertThat(engine.storyCoverage(article, other).shared()).isLessThan(article.shingles().length / 10);
    }

    @Test
    void explainsAStoryAlertWithTheStorysShareAndVersionsInItsSignals() {
        String[] half = halves();
        ArticleFingerprint version = engine.fingerprint("first-copy", null, half[0]);
        ArticleFingerprint article = engine.fingerprint("rewrite", null, Fixtures.seedOriginal());

        Detection d = engine.explainStory(version, article, 0.8123456, 3).orElseThrow();

        assertThat(d.signals()).containsEntry("storyNarrative", 0.8123).containsEntry("storyVersions", 3.0);
        assertThat(d.signals()).containsKeys("c5", "containment", "score");
        assertThat(d.score()).isGreaterThanOrEqualTo(engine.settings().weights().alertThreshold());
        assertThat(d.evidence()).isNotEmpty();
        assertThat(d.evidence().get(0).originalText()).isNotBlank();
    }

    private static int bits(long[] words) {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }
}
