package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.HandBuiltFingerprint;

/**
 * {@link CandidateCollector} against a straightforward model of what it must do: same candidates, in the
 * same order, for interleaved articles, stale and newer versions, and a restart in the middle of
 * gathering; each article sent once per partition holding some of its candidates, and a pair once.
 */
class CandidateCollectorTest {

    private static final int MAX_CANDIDATES = 15;
    private static final int MAX_LATER = 4;
    private static final int PARTITIONS = 6;

    private MockProcessorContext<String, ScoringRequest> context;
    private KeyValueStore<String, byte[]> gathering;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;
    private CandidateCollector collector;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        gathering = MockStores.stringKeyed(context, RadarTopology.CANDIDATE_STORE, Serdes.ByteArray());
        articles = MockStores.stringKeyed(context, RadarTopology.ARTICLE_STORE, RadarTopology.STORED_ARTICLE_SERDE);
        pairs = MockStores.stringKeyed(context, RadarTopology.PAIR_STORE, RadarTopology.PAIR_MARK_SERDE);
        registry = new SimpleMeterRegistry();
        collector = newCollector(keys -> 2);
    }

    private CandidateCollector newCollector(java.util.function.IntUnaryOperator minShared) {
        CandidateCollector c = new CandidateCollector(
                MAX_CANDIDATES, MAX_LATER, minShared, PARTITIONS, false, ScoringMeters.of(registry));
        c.init(context);
        return c;
    }

    private void stored(String id, int version) {
        ArticleRef ref = new ArticleRef(id, version, null, null, null, Instant.parse("2024-03-01T10:00:00Z"));
        articles.put(id, new StoredArticle(ref, HandBuiltFingerprint.of().withId(id), List.of()));
    }

    /** Candidates sent for the reply, in ranking order (requests flattened), each checked for its partition. */
    private List<String> process(BucketReply reply) {
        context.resetForwards();
        collector.process(new Record<>(reply.articleId(), reply, 0L));
        List<String> out = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        context.forwarded().forEach(f -> {
            ScoringRequest request = f.record().value();
            assertThat(f.record().key()).isEqualTo(reply.articleId());
            assertThat(request.ref().id()).isEqualTo(reply.articleId());
            assertThat(request.fingerprint().id()).isEqualTo(reply.articleId());
            int partition = Partitions.ofArticle(request.candidates().get(0), PARTITIONS);
            assertThat(request.candidates()).allSatisfy(c -> assertThat(Partitions.ofArticle(c, PARTITIONS))
                    .isEqualTo(partition));
            assertThat(partitions).doesNotContain(partition);
            partitions.add(partition);
            out.addAll(request.candidates());
        });
        return out;
    }

    private static BucketReply reply(String id, int version, int keyCount, int probes, String... members) {
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (String m : members) {
            shared.merge(m, 1, Integer::sum);
        }
        return new BucketReply(id, version, keyCount, probes, shared);
    }

    /**
     * What the collector must do: sum the shared counts of all probes of a version, then rank those published
     * at or before the article, and apart from them those published after it (unless also met as earlier).
     */
    private static final class Model {
        record Gathering(
                int version, int probes, int received, Map<String, Integer> shared, Map<String, Integer> later) {}

        final Map<String, Gathering> state = new HashMap<>();

        List<String> process(BucketReply reply, int minShared) {
            Gathering current = state.get(reply.articleId());
            if (current == null || current.version() < reply.version()) {
                current = new Gathering(reply.version(), reply.probes(), 0, Map.of(), Map.of());
            } else if (current.version() > reply.version()) {
                return List.of();
            }
            Map<String, Integer> next = new HashMap<>(current.shared());
            reply.shared().forEach((m, n) -> next.merge(m, n, Integer::sum));
            Map<String, Integer> later = new HashMap<>(current.later());
            reply.later().forEach((m, n) -> later.merge(m, n, Integer::sum));
            Gathering g = new Gathering(current.version(), current.probes(), current.received() + 1, next, later);
            if (g.received() < g.probes()) {
                state.put(reply.articleId(), g);
                return List.of();
            }
            state.remove(reply.articleId());
            later.keySet().removeAll(next.keySet());
            List<String> out = new ArrayList<>(best(next, minShared, MAX_CANDIDATES));
            out.addAll(best(later, minShared, MAX_LATER));
            return out;
        }

        private static List<String> best(Map<String, Integer> counts, int minShared, int limit) {
            return counts.entrySet().stream()
                    .filter(e -> e.getValue() >= minShared)
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    @Test
    void recordsTheCandidatesChosenOncePerCompletedGathering() {
        DistributionSummary chosen =
                registry.get(ScoringMeters.CANDIDATES_PER_ARTICLE).summary();
        stored("a", 1);
        assertThat(process(reply("a", 1, 10, 2, "m1", "m2"))).isEmpty();
        assertThat(chosen.count()).isZero();
        assertThat(process(reply("a", 1, 10, 2, "m1", "m3"))).containsExactly("m1");
        assertThat(chosen.count()).isEqualTo(1);
        assertThat(chosen.totalAmount()).isEqualTo(1.0);

        stored("b", 1);
        String[] twice = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "n" + i)
                .flatMap(m -> java.util.stream.Stream.of(m, m))
                .toArray(String[]::new);
        assertThat(process(reply("b", 1, 10, 1, twice))).hasSize(MAX_CANDIDATES);
        assertThat(chosen.count()).isEqualTo(2);
        assertThat(chosen.max()).isEqualTo(MAX_CANDIDATES);
    }

    @Test
    void sendsLaterPublishedCandidatesBesidesTheBestEarlierOnes() {
        stored("original", 1);
        Map<String, Integer> earlier = new LinkedHashMap<>();
        for (int k = 0; k < 20; k++) {
            earlier.put("earlier-" + k, 9); // more shared buckets than any later one
        }
        Map<String, Integer> later = new LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            later.put("rewrite-" + k, 2 + k);
        }
        later.put("earlier-3", 5); // an older version of it was published after: it counts as earlier

        List<String> sent = process(new BucketReply("original", 1, 30, 1, earlier, later));

        assertThat(sent).hasSize(MAX_CANDIDATES + MAX_LATER);
        assertThat(sent)
                .filteredOn(c -> c.startsWith("rewrite-"))
                .containsExactlyInAnyOrder("rewrite-5", "rewrite-4", "rewrite-3", "rewrite-2");
        assertThat(sent).doesNotHaveDuplicates();
    }

    @Test
    void choosesTheSameCandidatesAsTheModelAndLeavesNothingBehind() {
        Random random = new Random(42);
        Model model = new Model();
        List<BucketReply> replies = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            String id = "article-" + a;
            int versions = 1 + random.nextInt(2);
            for (int v = 1; v <= versions; v++) {
                int probes = 1 + random.nextInt(PARTITIONS);
                for (int p = 0; p < probes; p++) {
                    Map<String, Integer> shared = new LinkedHashMap<>();
                    int n = random.nextInt(65);
                    for (int m = 0; m < n; m++) {
                        shared.merge("p-" + random.nextInt(30 + a * 4), 1 + random.nextInt(3), Integer::sum);
                    }
                    // members published after the article, some also met as earlier ones elsewhere
                    Map<String, Integer> later = new LinkedHashMap<>();
                    int l = random.nextInt(4) == 0 ? random.nextInt(12) : 0;
                    for (int m = 0; m < l; m++) {
                        later.merge("p-" + random.nextInt(30 + a * 4), 1 + random.nextInt(3), Integer::sum);
                    }
                    replies.add(new BucketReply(id, v, 30, probes, shared, later));
                }
            }
            // the stored version is the article's latest
            stored(id, versions);
        }
        List<BucketReply> shuffled = interleave(replies, random);
        int sent = 0;
        for (int k = 0; k < shuffled.size(); k++) {
            BucketReply reply = shuffled.get(k);
            if (k % 17 == 5) {
                collector = newCollector(keys -> 2); // a restart: the new instance resumes from the store
            }
            List<String> expected = model.process(reply, 2);
            if (articles.get(reply.articleId()).ref().version() != reply.version()) {
                expected = List.of(); // a superseded version's gathering is not sent
            }
            assertThat(process(reply)).as("reply %d", k).containsExactlyInAnyOrderElementsOf(expected);
            sent += expected.size();
        }
        assertThat(sent).isGreaterThan(100);
        int left = 0;
        try (KeyValueIterator<String, byte[]> it = gathering.all()) {
            while (it.hasNext()) {
                it.next();
                left++;
            }
        }
        // only gatherings the model also still holds (stale versions started after completion) remain
        assertThat(left).isEqualTo(model.state.size());
    }

    private static List<BucketReply> interleave(List<BucketReply> replies, Random random) {
        Map<String, List<BucketReply>> byArticle = new LinkedHashMap<>();
        replies.forEach(r ->
                byArticle.computeIfAbsent(r.articleId(), x -> new ArrayList<>()).add(r));
        List<java.util.ArrayDeque<BucketReply>> queues = new ArrayList<>();
        byArticle.values().forEach(l -> {
            List<BucketReply> order = new ArrayList<>(l);
            // let a version-1 reply arrive late, after version 2 began
            for (int k = 0; k + 1 < order.size(); k++) {
                if (order.get(k).version() == 1 && order.get(k + 1).version() == 2 && random.nextBoolean()) {
                    BucketReply late = order.remove(k);
                    order.add(Math.min(order.size(), k + 2), late);
                    break;
                }
            }
            queues.add(new java.util.ArrayDeque<>(order));
        });
        List<BucketReply> out = new ArrayList<>();
        while (!queues.isEmpty()) {
            int q = random.nextInt(Math.min(queues.size(), 5));
            out.add(queues.get(q).poll());
            if (queues.get(q).isEmpty()) {
                queues.remove(q);
            }
        }
        return out;
    }

    @Test
    void ignoresStaleVersionAndRestartsOnNewerOne() {
        stored("z", 3);
        assertThat(process(reply("z", 2, 4, 2, "a", "a", "b", "b"))).isEmpty();
        assertThat(process(reply("z", 1, 4, 1, "c", "c"))).isEmpty();
        assertThat(process(reply("z", 3, 4, 2, "d", "b", "b"))).isEmpty();
        assertThat(process(reply("z", 3, 4, 2, "d", "e"))).containsExactlyInAnyOrder("b", "d");
        try (KeyValueIterator<String, byte[]> it = gathering.all()) {
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void sendsNothingForAVersionNoLongerStoredOrAnArticleGone() {
        stored("v", 2);
        assertThat(process(reply("v", 1, 2, 1, "a", "a"))).isEmpty();
        assertThat(process(reply("gone", 1, 2, 1, "a", "a"))).isEmpty();
        assertThat(process(reply("v", 2, 2, 1, "a", "a"))).containsExactly("a");
    }

    @Test
    void minimumSharedBucketsFollowsHowManyKeysTheArticleHas() {
        // as RewriteEngine#minSharedKeys with min-shared-keys 2 from 3 keys
        collector = newCollector(keys -> keys >= 3 ? 2 : 1);
        stored("p", 1);
        stored("q", 1);
        assertThat(process(reply("p", 1, 2, 2, "single", "double"))).isEmpty();
        assertThat(process(reply("p", 1, 2, 2, "double"))).containsExactlyInAnyOrder("double", "single");
        assertThat(process(reply("q", 1, 3, 3, "single", "double"))).isEmpty();
        assertThat(process(reply("q", 1, 3, 3, "double"))).isEmpty();
        assertThat(process(reply("q", 1, 3, 3))).containsExactly("double");
    }

    @Test
    void ranksByBucketsSharedThenByIdAndGroupsByPartition() {
        stored("y", 1);
        collector = newCollector(keys -> 1);
        List<String> found = process(reply("y", 1, 9, 1, "m3", "m1", "m2", "m0", "m3", "m1", "m2", "m3", "m1"));
        // one request per partition, each in ranking order: m1 and m3 (3 buckets), m2 (2), m0 (1)
        List<String> ranking = List.of("m1", "m3", "m2", "m0");
        assertThat(found).containsExactlyInAnyOrderElementsOf(ranking);
        for (ScoringRequest request :
                context.forwarded().stream().map(f -> f.record().value()).toList()) {
            assertThat(request.candidates()).isSortedAccordingTo(Comparator.comparingInt(ranking::indexOf));
        }
    }

    @Test
    void marksEachPairSentAndNeverSendsItAgain() {
        stored("n", 1);
        pairs.put(PairMarks.key("n", "scored-before"), PairMarks.SCORED);
        assertThat(process(reply("n", 1, 2, 1, "a", "a", "scored-before", "scored-before")))
                .containsExactly("a");
        assertThat(pairs.get(PairMarks.key("n", "a"))).isEqualTo(PairMarks.SENT);
        // the next version meets the same candidates: nothing is sent again
        stored("n", 2);
        assertThat(process(reply("n", 2, 2, 1, "a", "a", "scored-before", "scored-before")))
                .isEmpty();
    }
}
