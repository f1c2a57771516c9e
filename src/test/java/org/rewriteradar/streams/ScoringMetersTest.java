package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The topology records {@link ScoringMeters} in the registry it was built with: candidates chosen per article
 * version and the time each pair took to score.
 */
class ScoringMetersTest {

    private static final String BODY = "The city council approved the new bridge on Tuesday after a long debate. "
            + "Work starts in May and should take two years. The mayor said the bridge would cut travel times for "
            + "thousands of commuters every day.";

    private static String article(String id, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"body\":\"" + BODY + "\",\"publishedAt\":\"" + publishedAt + "\"}";
    }

    @Test
    void recordsCandidatesPerArticleAndScoringLatencyInTheGivenRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RadarConfig config = TestConfig.radar();
        var topology = RadarTopology.build(config, new RewriteEngine(DetectionSettings.defaults()), registry);
        DistributionSummary candidates =
                registry.get(ScoringMeters.CANDIDATES_PER_ARTICLE).summary();
        Timer latency = registry.get(ScoringMeters.SCORING_LATENCY).timer();
        assertThat(candidates.count()).isZero();
        assertThat(latency.count()).isZero();

        Path stateDir = StateDirs.fresh("radar-meters-test");
        Properties props = TestConfig.driverProperties("radar-meters-test", stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<byte[], byte[]> articles = driver.createInputTopic(
                    config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
            var alerts = driver.createOutputTopic(
                    config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
            articles.pipeInput(bytes("first"), bytes(article("first", "2024-03-05T10:00:00Z")));
            articles.pipeInput(bytes("copy"), bytes(article("copy", "2024-03-06T10:00:00Z")));

            assertThat(alerts.readValuesToList()).hasSize(1);
            // the first met no candidate, its copy met the first: one pair scored
            assertThat(candidates.count()).isEqualTo(2);
            assertThat(candidates.totalAmount()).isEqualTo(1.0);
            assertThat(candidates.max()).isEqualTo(1.0);
            assertThat(latency.count()).isEqualTo(1);
            assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        } finally {
            StateDirs.delete(stateDir);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
