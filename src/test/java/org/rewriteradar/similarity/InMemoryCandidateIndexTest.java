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

    @Test
    void ranksByKeysSharedThenFirstMetAndHonoursLimitMinimumAndExclusion() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(4);
        put(index, "a", 1, 2);
        put(index, "b", 2, 3, 4);
        put(index, "c", 3, 4, 5);
        put(index, "d", 5);
        put(index, "e", 1, 6);
        put(index, "q", 1, 2, 3, 4, 5, 6);
        long[] query = {1, 2, 3, 4, 5, 6};

        // shared: b 3, c 3, e 2, a 2, d 1; ties in first-met order (keys in order, buckets newest first)
        assertThat(index.candidates(query, 10, "q")).containsExactly("b", "c", "e", "a", "d");
        assertThat(index.candidates(query, 10, "q", 3)).containsExactly("b", "c");
        assertThat(index.candidates(query, 3, "q", 1)).containsExactly("b", "c", "e");
        assertThat(index.candidates(query, 10, null, 3)).first().isEqualTo("q");
        assertThat(index.candidates(new long[] {99}, 10, null)).isEmpty();
    }

    private static void put(InMemoryCandidateIndex index, String id, long... keys) {
        index.put(new ArticleFingerprint(id, "", 0, 0, null, null, null, null, null, null), keys);
    }
}
