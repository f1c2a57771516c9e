package org.rewriteradar.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.JsonSerdes;

/**
 * The live alert feed: a Reactive Messaging consumer of {@code rewrite-alerts} (channel {@value #CHANNEL},
 * committed records only) that keeps the latest {@link ApiConfig.Alerts#feedBuffer()} alerts and hands each
 * new one to the subscribed streams. Every instance reads every partition (a consumer group of its own), so
 * any instance can serve any client. An alert's event id is {@code partition-offset} on {@code
 * rewrite-alerts}, the same on every instance.
 *
 * <p>Counts what it reads: {@code radar.alerts.out} by {@code kind}, and {@code radar.alert.lag}, from the
 * article's publication on {@code articles} (the alert record carries its timestamp) to its detection.
 */
@ApplicationScoped
@Default
@Identifier(AlertFeed.REBALANCE_LISTENER)
public class AlertFeed implements KafkaConsumerRebalanceListener {

    /** The incoming channel, configured under {@code mp.messaging.incoming.alerts-feed.*}. */
    public static final String CHANNEL = "alerts-feed";

    /** Name of this bean as the channel's rebalance listener. */
    public static final String REBALANCE_LISTENER = "alerts-feed-rebalance";

    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    /**
     * One alert of the feed.
     *
     * @param id {@code partition-offset} of its record
     * @param alert the alert
     */
    public record Event(String id, RewriteAlert alert) {}

    private final int capacity;
    private final MeterRegistry registry;
    private final Deque<Event> buffer = new ArrayDeque<>();
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean assigned;

    public AlertFeed(ApiConfig config, MeterRegistry registry) {
        this.capacity = config.alerts().feedBuffer();
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> receive(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> meta =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        try {
            RewriteAlert alert = JsonSerdes.MAPPER.readValue(message.getPayload(), RewriteAlert.class);
            String id = meta == null ? alert.alertId() : meta.getPartition() + "-" + meta.getOffset();
            registry.counter("radar.alerts.out", "kind", String.valueOf(alert.kind()))
                    .increment();
            if (meta != null && alert.detectedAt() != null) {
                Duration lag = Duration.between(meta.getTimestamp(), alert.detectedAt());
                if (!lag.isNegative()) {
                    registry.timer("radar.alert.lag").record(lag);
                }
            }
            publish(new Event(id, alert));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("alert feed: skipped an alert record that could not be read: %s", e.toString());
        }
        return message.ack();
    }

    private synchronized void publish(Event event) {
        buffer.addLast(event);
        while (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        for (Consumer<Event> s : subscribers) {
            s.accept(event);
        }
    }

    /**
     * Subscribes {@code subscriber} to new alerts after handing it those it missed: the buffered alerts after
     * {@code lastEventId}, or, when that id is not in the buffer (too old, or of another deployment), all
     * buffered ones; none when {@code lastEventId} is null (a first connection).
     */
    public synchronized Runnable subscribe(String lastEventId, Consumer<Event> subscriber) {
        if (lastEventId != null) {
            List<Event> missed = new ArrayList<>();
            for (Event e : buffer) {
                missed.add(e);
                if (e.id().equals(lastEventId)) {
                    missed.clear();
                }
            }
            missed.forEach(subscriber);
        }
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Whether the consumer has its partitions (alerts from then on reach the feed). */
    public boolean assigned() {
        return assigned;
    }

    /** The buffered alerts, oldest first. */
    public synchronized List<Event> buffered() {
        return List.copyOf(buffer);
    }

    @Override
    public void onPartitionsAssigned(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned = true;
        LOG.debugf("alert feed reads %s from %s", partitions, Instant.now());
    }
}
