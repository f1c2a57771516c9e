package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;

/**
 * The size budget behind {@code radar.topics.max-message-bytes}: the service passes it to the Streams
 * producer, the internal topics and the topics it creates, and the input topic it creates accepts what
 * intake accepts ({@code radar.validation.max-record-bytes}).
 */
class RecordBudgetTest {

    private final RadarConfig config = TestConfig.radar();
    private final int maxMessage = config.topics().maxMessageBytes();

    @Test
    void theProducerAndTheTopicsAcceptWhatTheServiceWrites() {
        String written = Integer.toString(maxMessage);
        Map<String, String> streams = AppStreamsConfig.streamsSettings();
        assertThat(streams)
                .as("application.properties passes radar.topics.max-message-bytes to Streams")
                .containsEntry(StreamsConfig.producerPrefix("max.request.size"), written)
                .containsEntry(StreamsConfig.topicPrefix("max.message.bytes"), written);
        assertThat(TopicCreator.topicConfigs(config))
                .containsEntry("rewrite-alerts", Map.of("max.message.bytes", written))
                .containsEntry("articles-dlq", Map.of("max.message.bytes", written))
                .containsEntry("articles", Map.of("max.message.bytes", Integer.toString(1_000_000 + 16_384)));
        // a record at the limit, dead-lettered whole with its headers, fits Kafka's default 1 MB limits
        assertThat(config.validation().maxRecordBytes() + IntakeProcessor.RECORD_HEADROOM)
                .isLessThanOrEqualTo(1_048_576);
    }
}
