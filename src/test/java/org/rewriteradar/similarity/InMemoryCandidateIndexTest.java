package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryCandidateIndexTest {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    @Test
    void findsSpunRewriteAmongIndexedArticles() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(8);
        ArticleFingerprint original = engine.fingerprint("002", null, Fixtures.seedOriginal());
        ArticleFingerprint other = engine.fingerprint("a", null, Fixtures.read("sameevent-a.txt"));
        index.put(other, engine.candidateKeys(other));
        index.put(original, engine.candidateKeys(original));

        ArticleFingerprint rewrite = engine.fingerprint("000", null, Fixtures.seedRewrite());
        assertThat(index.candidates(engine.candidateKeys(rewrite), 10, "000"))
                .first()
                .isEqualTo("002");
    }

    @Test
    void hotBucketKeepsOnlyTheMostRecentIds() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(2);
        long[] key = {42L};
        for (String id : new String[] {"a", "b", "c"}) {
            index.put(new ArticleFingerprint(id, "", 0, 0, null, null, null, null, null, null), key);
        }
        assertThat(index.candidates(key, 10, null)).containsExactly("c", "b");
    }
}
