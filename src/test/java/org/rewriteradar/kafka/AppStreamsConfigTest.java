package org.rewriteradar.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The broker tests run the service's own Streams settings, and those settings are exactly-once. */
class AppStreamsConfigTest {

    @Test
    void processingGuaranteeIsExactlyOnceV2FromTheApplicationProperties() {
        ConfigValue guarantee = AppStreamsConfig.origin(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        assertThat(guarantee.getValue()).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(guarantee.getSourceName()).contains("application.properties");
    }

    @Test
    void testPropertiesAreTheApplicationsWithOnlyWhereItRunsReplaced() {
        Properties p = AppStreamsConfig.forTest("broker:1234", "app-x", Path.of("/tmp/state-x"));
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:1234");
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("app-x");
        assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/tmp/state-x");
        // the rest is the service's: everything under kafka-streams.* in application.properties
        assertThat(p)
                .containsKeys(
                        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                        StreamsConfig.REPLICATION_FACTOR_CONFIG,
                        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        "consumer.session.timeout.ms");
        // expressions are expanded as Quarkus expands them (defaults unless the environment sets them)
        assertThat(p.values()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("${"));
        // and Kafka Streams accepts it
        assertThat(new StreamsConfig(p).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }
}
