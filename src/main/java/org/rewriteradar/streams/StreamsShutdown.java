package org.rewriteradar.streams;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;
import org.rewriteradar.config.RadarConfig;

/**
 * Closes Kafka Streams at shutdown within {@code radar.shutdown.close-timeout}, leaving the group
 * ({@code radar.shutdown.leave-group}), before Quarkus' own observer does: Quarkus calls a plain
 * {@code KafkaStreams.close()}, which waits without limit (with the broker gone, minutes in the consumer's
 * coordinator lookup) and does not leave the group. Once this has closed Streams, Quarkus' close returns at
 * once.
 *
 * <p>If Streams has not closed within the timeout, the process halts: Quarkus' close would otherwise wait
 * for the same stream threads without limit, and the orchestrator would kill the process at the end of
 * its grace period anyway. Under {@code exactly_once_v2} that counts as a crash for the local state of the
 * tasks that had not closed (restored from the changelog or taken over by a standby).
 */
@Singleton
public class StreamsShutdown {

    private static final Logger LOG = Logger.getLogger(StreamsShutdown.class);

    /** Exit status when Streams did not close in time. */
    static final int HALT_STATUS = 3;

    /** Runs before observers of default priority, among them Quarkus' own Streams shutdown. */
    void onStop(@Observes @Priority(1) ShutdownEvent event, KafkaStreams streams, RadarConfig config) {
        if (!close(streams, config.shutdown())) {
            LOG.errorf(
                    "Kafka Streams did not close within %s (radar.shutdown.close-timeout; is the broker reachable?);"
                            + " halting so that shutdown stays bounded",
                    config.shutdown().closeTimeout());
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    /** Closes {@code streams} within the configured timeout; true when it closed in time. */
    static boolean close(KafkaStreams streams, RadarConfig.Shutdown settings) {
        Duration timeout = settings.closeTimeout();
        long start = System.nanoTime();
        LOG.infof("Closing Kafka Streams (timeout %s, leave group %s)", timeout, settings.leaveGroup());
        boolean closed =
                streams.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(settings.leaveGroup()));
        LOG.infof(
                "Kafka Streams %s after %d ms (state %s)",
                closed ? "closed" : "did not close", (System.nanoTime() - start) / 1_000_000, streams.state());
        return closed;
    }
}
