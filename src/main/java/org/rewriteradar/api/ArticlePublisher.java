package org.rewriteradar.api;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes articles to the {@code articles} topic through the Reactive Messaging channel {@value #CHANNEL}
 * (Kafka connector, {@code acks=all}): each send completes when the broker acknowledged the record, and fails
 * when the producer gave up on it ({@code delivery.timeout.ms}).
 */
@ApplicationScoped
public class ArticlePublisher {

    /** The outgoing channel, configured under {@code mp.messaging.outgoing.articles-out.*}. */
    public static final String CHANNEL = "articles-out";

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<byte[]> emitter;

    /** Sends one record keyed by the article id; the future completes on the broker's acknowledgement. */
    CompletableFuture<Void> publish(String id, byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<byte[]> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(id)
                        .build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // the channel is down or its buffer is full
            acked.completeExceptionally(e);
        }
        return acked;
    }
}
