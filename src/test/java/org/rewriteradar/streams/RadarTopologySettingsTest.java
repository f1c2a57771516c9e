package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.DetectionOverrides;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The candidate-index settings the service accepts ({@code radar.detection.candidates.index-bucket-capacity},
 * {@code max-candidates}, {@code min-shared-keys}, {@code min-shared-keys-from}, {@code max-later-candidates}) take effect in the
 * topology: each test fails if its setting were ignored. Articles get chosen candidate keys, so which
 * articles meet in which bucket is known; candidates are read from {@code pair-store} (every pair the
 * candidates step sends on is recorded there).
 */
class RadarTopologySettingsTest {

    /** Keys of each article, by id. */
    private final Map<String, long[]> keys = new HashMap<>();

    private void run(Map<String, String> detection, Consumer<TopologyTestDriver> publishAndCheck) {
        RadarConfig config = TestConfig.radar();
        // as EngineProducer: the defaults with the radar.detection.* overrides
        RewriteEngine engine = new RewriteEngine(DetectionOverrides.apply(DetectionSettings.defaults(), detection));
        var topology = RadarTopology.build(config, engine, (id, title, body) -> {
            ArticleFingerprint fp = engine.fingerprint(id, title, body);
            return new ArticleFingerprint(
                    fp.id(),
                    fp.text(),
                    fp.textHash(),
                    fp.tokens(),
                    fp.contentTerms(),
                    fp.shingles(),
                    fp.skeleton(),
                    fp.sentenceTerms(),
                    fp.sentenceOffsets(),
                    keys.get(id));
        });
        Path stateDir = StateDirs.fresh("radar-settings-test");
        Properties props = TestConfig.driverProperties("radar-settings-test", stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            publishAndCheck.accept(driver);
        } finally {
            StateDirs.delete(stateDir);
        }
    }

    private void publish(TopologyTestDriver driver, String id, int day, long... articleKeys) {
        keys.put(id, articleKeys);
        TestInputTopic<byte[], byte[]> articles = driver.createInputTopic(
                TestConfig.radar().topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
        String json = "{\"id\":\"" + id + "\",\"body\":\"Article " + id
                + " says something about the weather today.\",\"publishedAt\":\"2024-03-0" + day + "T10:00:00Z\"}";
        articles.pipeInput(id.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code a} and {@code b} were paired (sent to be scored, from either side). */
    private static boolean candidates(TopologyTestDriver driver, String a, String b) {
        KeyValueStore<String, Long> pairs = driver.getKeyValueStore(RadarTopology.PAIR_STORE);
        return pairs.get(PairMarks.key(a, b)) != null || pairs.get(PairMarks.key(b, a)) != null;
    }

    private static List<String> bucket(TopologyTestDriver driver, long key) {
        KeyValueStore<Bytes, byte[]> buckets = driver.getKeyValueStore(RadarTopology.BUCKET_STORE);
        return new BucketIndex(buckets, 0)
                .members(key).stream().map(BucketMember::articleId).toList();
    }

    @Test
    void indexBucketCapacityBoundsTheBuckets() {
        run(Map.of(), driver -> {
            publish(driver, "a", 1, 42);
            publish(driver, "b", 2, 42);
            publish(driver, "c", 3, 42);
            assertThat(bucket(driver, 42)).hasSize(3);
        });
        long evicted = RadarCounters.count(RadarCounters.EVICTED);
        run(Map.of("candidates.index-bucket-capacity", "2"), driver -> {
            publish(driver, "a", 1, 42);
            publish(driver, "b", 2, 42);
            publish(driver, "c", 3, 42);
            assertThat(bucket(driver, 42)).containsExactly("b", "c");
            assertThat(RadarCounters.count(RadarCounters.EVICTED)).isEqualTo(evicted + 1);
            // d meets only the two ids the bucket kept
            publish(driver, "d", 4, 42);
            assertThat(candidates(driver, "a", "d")).isFalse();
            assertThat(candidates(driver, "c", "d")).isTrue();
        });
    }

    @Test
    void minSharedKeysDropsCandidatesSharingFewerKeys() {
        Consumer<TopologyTestDriver> publish = driver -> {
            publish(driver, "a", 1, 1, 2, 3);
            publish(driver, "b", 2, 1, 2, 4); // shares 2 keys with a
            publish(driver, "c", 3, 1, 5, 6); // shares 1 key with a and with b
        };
        run(Map.of(), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "a", "b")).isTrue();
            assertThat(candidates(driver, "a", "c")).isTrue();
        });
        run(Map.of("candidates.min-shared-keys", "2", "candidates.min-shared-keys-from", "3"), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "a", "b")).isTrue();
            assertThat(candidates(driver, "a", "c")).isFalse();
            assertThat(candidates(driver, "b", "c")).isFalse();
        });
        // below min-shared-keys-from keys, one shared key is enough
        run(Map.of("candidates.min-shared-keys", "2", "candidates.min-shared-keys-from", "4"), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "a", "c")).isTrue();
        });
    }

    @Test
    void maxCandidatesKeepsTheBestRanked() {
        Consumer<TopologyTestDriver> publish = driver -> {
            publish(driver, "x", 1, 1);
            publish(driver, "w", 2, 1, 2);
            publish(driver, "v", 3, 1);
            publish(driver, "q", 4, 1, 2); // w shares 2 keys, v and x 1
        };
        run(Map.of(), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "w", "q")).isTrue();
            assertThat(candidates(driver, "v", "q")).isTrue();
            assertThat(candidates(driver, "x", "q")).isTrue();
        });
        run(Map.of("candidates.max-candidates", "2"), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "w", "q")).isTrue();
            assertThat(candidates(driver, "v", "q")).isTrue(); // tie with x at 1 key: "v" < "x"
            assertThat(candidates(driver, "x", "q")).isFalse();
        });
    }

    @Test
    void maxLaterCandidatesLetsAnOriginalArrivingLastMeetItsRewrites() {
        Consumer<TopologyTestDriver> publish = driver -> {
            publish(driver, "r1", 2, 1, 7);
            publish(driver, "r2", 3, 1, 8);
            publish(driver, "r3", 4, 1, 9);
            publish(driver, "o", 1, 1); // published first, arrives last
        };
        run(Map.of("candidates.max-candidates", "1"), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "o", "r1")).isTrue();
            assertThat(candidates(driver, "o", "r2")).isTrue();
            assertThat(candidates(driver, "o", "r3")).isTrue();
        });
        run(Map.of("candidates.max-candidates", "1", "candidates.max-later-candidates", "1"), driver -> {
            publish.accept(driver);
            assertThat(candidates(driver, "o", "r1")).isTrue(); // ties at 1 key: the smallest id
            assertThat(candidates(driver, "o", "r2")).isFalse();
            assertThat(candidates(driver, "o", "r3")).isFalse();
        });
    }
}
