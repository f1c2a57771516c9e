package org.rewriteradar.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.streams.JsonSerdes;
import org.rewriteradar.streams.RadarTopology;

/** The reference result: the corpus run through the topology in one task with TopologyTestDriver. */
final class Reference {

    static final int PARTITIONS = 6;

    private Reference() {}

    static RadarConfig config() {
        return TestConfig.radar(Map.of("radar.topics.partitions", Integer.toString(PARTITIONS)));
    }

    static RewriteEngine engine() {
        return new RewriteEngine(DetectionSettings.defaults());
    }

    static byte[] json(Corpus.Event event) {
        try {
            return JsonSerdes.MAPPER.writeValueAsBytes(event.article());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] key(Corpus.Event event) {
        return event.article().id().getBytes(StandardCharsets.UTF_8);
    }

    private static List<RewriteAlert> standard;

    /** The reference alerts of {@link Corpus#standard()}, computed once per JVM. */
    static synchronized List<RewriteAlert> standard() {
        if (standard == null) {
            Path dir = StateDirs.fresh("radar-ref-");
            try {
                standard = List.copyOf(alerts(Corpus.standard(), dir));
            } finally {
                StateDirs.delete(dir);
            }
        }
        return standard;
    }

    /** Every alert the single-task topology emits for the corpus, in order. */
    static List<RewriteAlert> alerts(Corpus corpus, Path stateDir) {
        RadarConfig config = config();
        Properties props = TestConfig.driverProperties("radar-cluster-reference", stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(RadarTopology.build(config, engine()), props)) {
            TestInputTopic<byte[], byte[]> articles = driver.createInputTopic(
                    config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, RewriteAlert> alerts = driver.createOutputTopic(
                    config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
            for (Corpus.Event e : corpus.events()) {
                articles.pipeInput(key(e), json(e));
            }
            return alerts.readValuesToList();
        }
    }
}
