package org.rewriteradar.streams;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /q/health/ready}): UP only while Kafka Streams is {@code RUNNING}. Quarkus' own Streams
 * check is a liveness check (UP while rebalancing too), and its only readiness check looks at whether the
 * topics exist; an instance that is still restoring or rebalancing cannot answer interactive queries for
 * its partitions, so it must not be counted ready (a rolling update waits for it, the PodDisruptionBudget
 * counts it as down). Peers still reach it by pod DNS: the headless Service publishes not-ready addresses.
 */
@Readiness
@Singleton
public class StreamsReadinessCheck implements HealthCheck {

    static final String NAME = "kafka-streams-running";

    private final Supplier<KafkaStreams.State> state;

    @Inject
    public StreamsReadinessCheck(KafkaStreams streams) {
        this(streams::state);
    }

    StreamsReadinessCheck(Supplier<KafkaStreams.State> state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State now = state.get();
        return HealthCheckResponse.named(NAME)
                .status(now == KafkaStreams.State.RUNNING)
                .withData("state", String.valueOf(now))
                .build();
    }
}
