package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
        assertThat(index.candidates(key, 10, null)).containsExactly("b", "c");
    }

    @Test
    void aFullBucketAnswersWithItsNewestIdsOnly() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(3, 2);
        long[] key = {42L};
        for (String id : new String[] {"a", "b"}) {
            put(index, id, 42L);
        }
        assertThat(index.candidates(key, 10, null)).containsExactly("a", "b"); // not full: all
        for (String id : new String[] {"c", "d", "e"}) {
            put(index, id, 42L);
        }
        // holds c, d, e (the ring overwrote a, then b): full, so the newest two
        assertThat(index.candidates(key, 10, null)).containsExactly("d", "e");
        put(index, "f", 42L, 7L);
        assertThat(index.candidates(new long[] {42L, 7L}, 10, null)).containsExactly("f", "e");
        assertThat(InMemoryCandidateIndex.of(DetectionSettings.defaults().candidates())
                        .bucketCapacity())
                .isEqualTo(DetectionSettings.defaults().candidates().indexBucketCapacity());
    }

    @Test
    void ranksByKeysSharedThenIdAndHonoursLimitMinimumAndExclusion() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(4);
        put(index, "a", 1, 2);
        put(index, "b", 2, 3, 4);
        put(index, "c", 3, 4, 5);
        put(index, "d", 5);
        put(index, "e", 1, 6);
        put(index, "q", 1, 2, 3, 4, 5, 6);
        long[] query = {1, 2, 3, 4, 5, 6};

        // shared: b 3, c 3, e 2, a 2, d 1; ties by id (CandidateRanking), not by where they were met
        assertThat(index.candidates(query, 10, "q")).containsExactly("b", "c", "a", "e", "d");
        assertThat(index.candidates(query, 10, "q", 3)).containsExactly("b", "c");
        assertThat(index.candidates(query, 3, "q", 1)).containsExactly("b", "c", "a");
        assertThat(index.candidates(query, 10, null, 3)).first().isEqualTo("q");
        assertThat(index.candidates(new long[] {99}, 10, null)).isEmpty();
    }

    @Test
    void ranksAllIdsTheSameWayWhateverTheLimit() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(128);
        for (int i = 0; i < 100; i++) {
            put(
                    index,
                    "a" + i,
                    java.util.stream.LongStream.rangeClosed(0, i % 5).toArray());
        }
        // a<i> shares i % 5 + 1 keys; equal counts by id ("a10" before "a5")
        List<String> expected = new ArrayList<>();
        for (int shared = 4; shared >= 0; shared--) {
            List<String> tied = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if (i % 5 == shared) {
                    tied.add("a" + i);
                }
            }
            java.util.Collections.sort(tied);
            expected.addAll(tied);
        }
        long[] query = {0, 1, 2, 3, 4};

        assertThat(index.candidates(query, Integer.MAX_VALUE, null)).isEqualTo(expected);
        assertThat(index.candidates(query, 70, null)).isEqualTo(expected.subList(0, 70));
        assertThat(index.candidates(query, 8, null)).isEqualTo(expected.subList(0, 8));
        assertThat(index.candidates(query, 0, null)).isEmpty();
    }

    private static void put(InMemoryCandidateIndex index, String id, long... keys) {
        index.put(new ArticleFingerprint(id, "", 0, 0, null, null, null, null, null, null), keys);
    }
}
