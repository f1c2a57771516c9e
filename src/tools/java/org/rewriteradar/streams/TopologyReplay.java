package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logmanager.Logger;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/**
 * Replays a sequence of articles through the service's own topology ({@link RadarTopology#build(RadarConfig,
 * RewriteEngine, RadarTopology.StoreKind)}) in a {@link TopologyTestDriver}: a fresh state directory, the
 * service's {@code kafka-streams.*} settings from {@code application.properties} ({@link AppStreamsConfig})
 * and the {@link RadarConfig} defaults (retention P30D). The evaluation's stream mode for the engine.
 *
 * <p>By default the stores are heap stores ({@link RadarTopology.StoreKind#IN_MEMORY}), not the service's
 * RocksDB: the topology is otherwise the one {@link TopologyProducer} builds, the same processors, serdes
 * (every store value is serialised and read back through the store's serde, as on RocksDB), record caches
 * and changelogs, and both kinds of store order keys as unsigned bytes, so range scans see the same keys in
 * the same order. Detection is therefore the same as on RocksDB ({@code HeapReplayMatchesRocksDbTest}
 * checks it on a labelled sample). It is much faster: the driver flushes every store after each record,
 * which on RocksDB is a memtable flush per store and article (5–7 articles/s); on the heap a flush is
 * nothing.
 *
 * <p>The wall clock starts just after the latest {@code publishedAt} (so the validator's future-skew check
 * passes every article) and moves one millisecond per article, so indexing times follow the publishing order
 * and nothing reaches the retention during a replay. Alerts are read after each article and named by the
 * caller's article ids: an alert names a published id and version, mapped back to the article that was
 * published as that version.
 */
public final class TopologyReplay {

    /** One article to publish: {@code articleId} is the caller's id, {@code publishedId} the key and event id. */
    public record Published(
            String articleId, String publishedId, String title, String body, Instant publishedAt, String source) {}

    /** An alert, in the caller's article ids. */
    public record Alerted(String originalArticleId, String articleId, RewriteKind kind) {}

    /** The alerts of a replay, alerts naming an article no published version maps to, dead letters. */
    public record Result(List<Alerted> alerts, int unmapped, int deadLetters) {}

    /**
     * Kafka's loggers during a replay: WARN, as the service sets them ({@code
     * quarkus.log.category."org.apache.kafka".level} in {@code application.properties}). Outside Quarkus the
     * JBoss LogManager's root level is ALL, so every TRACE message of the driver and the stream task would be
     * formatted though never printed: 30% of a replay's time (JFR, pool-bbc).
     */
    private static final Level KAFKA_LOG_LEVEL = Level.WARNING;

    private TopologyReplay() {}

    /**
     * Publishes {@code articles} in the given order through a fresh driver over heap stores and returns every
     * alert.
     */
    public static Result replay(String applicationId, RewriteEngine engine, List<Published> articles) {
        return replay(applicationId, engine, articles, RadarTopology.StoreKind.IN_MEMORY);
    }

    /**
     * As {@link #replay(String, RewriteEngine, List)}, over the stores of {@code stores} ({@link
     * RadarTopology.StoreKind#ROCKSDB}: the service's, slow in the driver).
     */
    static Result replay(
            String applicationId, RewriteEngine engine, List<Published> articles, RadarTopology.StoreKind stores) {
        RadarConfig config = TestConfig.radar();
        Path stateDir = StateDirs.fresh(applicationId);
        Properties props = new Properties();
        props.putAll(AppStreamsConfig.streamsSettings());
        props.putAll(TestConfig.driverProperties(applicationId, stateDir));
        Instant latest = articles.stream()
                .map(Published::publishedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Instant wallClock = latest.plusSeconds(1);
        List<Alerted> out = new ArrayList<>();
        int unmapped = 0;
        int deadLetters = 0;
        Logger kafkaLog = Logger.getLogger("org.apache.kafka");
        Level kafkaLevel = kafkaLog.getLevel();
        kafkaLog.setLevel(KAFKA_LOG_LEVEL);
        try (TopologyTestDriver driver =
                new TopologyTestDriver(RadarTopology.build(config, engine, stores), props, wallClock)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(
                    config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, RewriteAlert> alerts = driver.createOutputTopic(
                    config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
            TestOutputTopic<byte[], byte[]> dead = driver.createOutputTopic(
                    config.topics().deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            KeyValueStore<String, StoredArticle> store = driver.getKeyValueStore(RadarTopology.ARTICLE_STORE);
            Map<String, String> versions = new HashMap<>(); // published id + version -> article id
            Instant now = wallClock;
            for (Published a : articles) {
                ArticleEvent event =
                        new ArticleEvent(a.publishedId(), null, a.source(), a.title(), a.body(), a.publishedAt(), null);
                in.pipeInput(
                        a.publishedId().getBytes(StandardCharsets.UTF_8),
                        RadarTopology.ARTICLE_SERDE
                                .serializer()
                                .serialize(config.topics().articles(), event),
                        now);
                StoredArticle stored = store.get(a.publishedId());
                if (stored != null) {
                    // a new version, or an identical re-send (same version): the newest article stands for it
                    versions.put(key(stored.ref()), a.articleId());
                }
                for (RewriteAlert alert : alerts.readValuesToList()) {
                    String original = versions.get(key(alert.original()));
                    String article = versions.get(key(alert.article()));
                    if (original == null || article == null) {
                        unmapped++;
                    } else {
                        out.add(new Alerted(original, article, alert.kind()));
                    }
                }
                deadLetters += dead.readRecordsToList().size();
                now = now.plusMillis(1);
                driver.advanceWallClockTime(Duration.ofMillis(1));
            }
        } finally {
            kafkaLog.setLevel(kafkaLevel);
            StateDirs.delete(stateDir);
        }
        return new Result(out, unmapped, deadLetters);
    }

    private static String key(ArticleRef ref) {
        return ref.id() + "\u0000" + ref.version();
    }
}
