package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CandidateCollector} against a straightforward model of what it must do (the former whole-map
 * gathering): same pairs, in the same order, for interleaved articles, stale and newer versions, and a
 * restart in the middle of gathering.
 */
class CandidateCollectorTest {

    private static final int MAX_CANDIDATES = 15;

    private MockProcessorContext<String, CandidatePair> context;
    private KeyValueStore<Bytes, byte[]> store;
    private CandidateCollector collector;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(RadarTopology.CANDIDATE_STORE),
                        RadarTopology.CANDIDATE_KEY_SERDE,
                        RadarTopology.CANDIDATE_VALUE_SERDE)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        collector = newCollector();
    }

    private CandidateCollector newCollector() {
        CandidateCollector c = new CandidateCollector(MAX_CANDIDATES, keys -> 2);
        c.init(context);
        return c;
    }

    /** The former behaviour: one map per article, copied and extended for every reply. */
    private static final class Model {
        record Gathering(int version, int keys, int received, Map<String, Integer> shared) {}

        final Map<String, Gathering> state = new HashMap<>();

        List<CandidatePair> process(String key, BucketReply reply, int maxCandidates, int minShared) {
            Gathering current = state.get(key);
            if (current == null || current.version() < reply.version()) {
                current = new Gathering(reply.version(), reply.keys(), 0, Map.of());
            } else if (current.version() > reply.version()) {
                return List.of();
            }
            Map<String, Integer> next = new HashMap<>(current.shared());
            reply.members().forEach(m -> next.merge(m, 1, Integer::sum));
            Gathering g = new Gathering(current.version(), current.keys(), current.received() + 1, next);
            if (g.received() < g.keys()) {
                state.put(key, g);
                return List.of();
            }
            state.remove(key);
            return next.entrySet().stream()
                    .filter(e -> e.getValue() >= minShared)
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(maxCandidates)
                    .map(e -> CandidatePair.of(e.getKey(), reply.articleId()))
                    .toList();
        }
    }

    private List<CandidatePair> process(BucketReply reply) {
        context.resetForwards();
        collector.process(new Record<>(reply.articleId(), reply, 0L));
        List<CandidatePair> out = new ArrayList<>();
        context.forwarded().forEach(f -> {
            assertThat(f.record().key()).isEqualTo(f.record().value().firstId());
            out.add(f.record().value());
        });
        return out;
    }

    @Test
    void choosesTheSameCandidatesAsWholeMapGatheringAndLeavesNothingBehind() {
        Random random = new Random(42);
        Model model = new Model();
        List<String> pool = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            pool.add("p-" + k);
        }
        List<BucketReply> replies = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            String id = "article-" + a;
            int versions = 1 + random.nextInt(2);
            for (int v = 1; v <= versions; v++) {
                int keys = 1 + random.nextInt(60);
                for (int k = 0; k < keys; k++) {
                    List<String> members = new ArrayList<>();
                    int n = random.nextInt(65);
                    for (int m = 0; m < n; m++) {
                        members.add(pool.get(random.nextInt(30 + a * 4)));
                    }
                    replies.add(new BucketReply(
                            id, v, keys, members.stream().distinct().toList()));
                }
            }
        }
        // interleave articles (keeping each article's own replies in order, as one partition does), and
        // let some replies of version 1 arrive late, after version 2 began
        List<BucketReply> shuffled = interleave(replies, random);
        int forwarded = 0;
        for (int k = 0; k < shuffled.size(); k++) {
            BucketReply reply = shuffled.get(k);
            if (k % 97 == 50) {
                collector = newCollector(); // a restart: the new instance resumes from the store
            }
            List<CandidatePair> expected = model.process(reply.articleId(), reply, MAX_CANDIDATES, 2);
            assertThat(process(reply)).as("reply %d", k).containsExactlyElementsOf(expected);
            forwarded += expected.size();
        }
        assertThat(forwarded).isGreaterThan(100);
        int left = 0;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                left++;
            }
        }
        // only gatherings the model also still holds (stale versions started after completion) remain
        assertThat(left == 0).isEqualTo(model.state.isEmpty());
    }

    private static List<BucketReply> interleave(List<BucketReply> replies, Random random) {
        Map<String, List<BucketReply>> byArticle = new java.util.LinkedHashMap<>();
        replies.forEach(r ->
                byArticle.computeIfAbsent(r.articleId(), x -> new ArrayList<>()).add(r));
        List<java.util.ArrayDeque<BucketReply>> queues = new ArrayList<>();
        byArticle.values().forEach(l -> {
            List<BucketReply> order = new ArrayList<>(l);
            // move a few version-1 replies behind the first version-2 reply
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
        assertThat(process(new BucketReply("z", 2, 2, List.of("a", "b")))).isEmpty();
        assertThat(process(new BucketReply("z", 1, 1, List.of("c")))).isEmpty();
        assertThat(process(new BucketReply("z", 3, 2, List.of("d", "b")))).isEmpty();
        assertThat(process(new BucketReply("z", 3, 2, List.of("d", "e")))).containsExactly(CandidatePair.of("d", "z"));
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void minimumSharedBucketsFollowsHowManyKeysTheArticleHas() {
        // as RewriteEngine#minSharedKeys with min-shared-keys 2 from 3 keys
        collector = new CandidateCollector(MAX_CANDIDATES, keys -> keys >= 3 ? 2 : 1);
        collector.init(context);
        // two keys: a candidate sharing one bucket is enough
        assertThat(process(new BucketReply("p", 1, 2, List.of("single", "double"))))
                .isEmpty();
        assertThat(process(new BucketReply("p", 1, 2, List.of("double"))))
                .containsExactly(CandidatePair.of("double", "p"), CandidatePair.of("single", "p"));
        // three keys: the single-bucket candidate is dropped
        assertThat(process(new BucketReply("q", 1, 3, List.of("single", "double"))))
                .isEmpty();
        assertThat(process(new BucketReply("q", 1, 3, List.of("double")))).isEmpty();
        assertThat(process(new BucketReply("q", 1, 3, List.of()))).containsExactly(CandidatePair.of("double", "q"));
    }

    @Test
    void ranksByBucketsSharedThenById() {
        List<CandidatePair> found = List.of();
        for (int k = 0; k < 4; k++) {
            List<String> members = new ArrayList<>(List.of("m3", "m1"));
            if (k < 3) {
                members.add("m2");
            }
            if (k < 2) {
                members.add("m0");
            }
            found = process(new BucketReply("y", 1, 4, members));
        }
        assertThat(found)
                .containsExactly(
                        CandidatePair.of("m1", "y"),
                        CandidatePair.of("m3", "y"),
                        CandidatePair.of("m2", "y"),
                        CandidatePair.of("m0", "y"));
    }
}
