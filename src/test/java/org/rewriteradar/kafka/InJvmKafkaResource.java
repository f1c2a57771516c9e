package org.rewriteradar.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;
import org.rewriteradar.StateDirs;

/**
 * Starts a real Kafka broker in the test JVM for a {@code @QuarkusTest} (scope it with
 * {@code @WithTestResource}), creates the service's topics and points the service at it, with a fresh
 * application id and state directory.
 */
public class InJvmKafkaResource implements QuarkusTestResourceLifecycleManager {

    private InJvmKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InJvmKafka.start();
        kafka.createTopics(3, "articles", "rewrite-alerts", "articles-dlq");
        return KafkaTestProperties.pointingAt(kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Service properties for a fresh run against a given broker. */
    static final class KafkaTestProperties {

        private KafkaTestProperties() {}

        static Map<String, String> pointingAt(String bootstrapServers) {
            return Map.of(
                    "kafka.bootstrap.servers",
                    bootstrapServers,
                    "quarkus.kafka-streams.application-id",
                    "radar-test-" + UUID.randomUUID(),
                    "kafka-streams.state.dir",
                    StateDirs.fresh("radar-state").toString(),
                    "radar.topics.partitions",
                    "3");
        }
    }
}
