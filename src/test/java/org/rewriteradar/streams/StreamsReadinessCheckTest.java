package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Readiness is UP in the RUNNING state only: not while created, rebalancing (restoring), shutting down. */
class StreamsReadinessCheckTest {

    @ParameterizedTest
    @EnumSource(KafkaStreams.State.class)
    void upOnlyWhileRunning(KafkaStreams.State state) {
        HealthCheckResponse response = new StreamsReadinessCheck(() -> state).call();

        assertThat(response.getName()).isEqualTo("kafka-streams-running");
        assertThat(response.getStatus())
                .isEqualTo(
                        state == KafkaStreams.State.RUNNING
                                ? HealthCheckResponse.Status.UP
                                : HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("state", state.name()));
    }
}
