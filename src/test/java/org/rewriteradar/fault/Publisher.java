package org.rewriteradar.fault;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the stream at a fixed rate on its own thread with an idempotent producer (acks=all, lz4, as a
 * publisher would) that rides out a broker outage: it blocks and retries for up to ten minutes rather than
 * fail, so that records are neither lost nor doubled by the publishing side and every record reaches the
 * topic once, in order. A record scheduled while the broker is away goes out when it is back.
 */
final class Publisher implements AutoCloseable {

    private final String bootstrap;
    private final String topic;
    private final List<FaultStream.Rec> records;
    private final double perSecond;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** System.nanoTime() when each record was handed to the producer. */
    final AtomicReferenceArray<Long> sentAt;

    final AtomicLong bytes = new AtomicLong();
    private Thread thread;

    Publisher(String bootstrap, String topic, List<FaultStream.Rec> records, double perSecond) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.records = records;
        this.perSecond = perSecond;
        this.sentAt = new AtomicReferenceArray<>(records.size());
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    Publisher start() {
        thread = new Thread(this::run, "fault-publisher");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < records.size(); i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                FaultStream.Rec r = records.get(i);
                sentAt.set(i, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                bytes.addAndGet((r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length));
                sent.incrementAndGet();
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    int sent() {
        return sent.get();
    }

    int acked() {
        return acked.get();
    }

    /** Fraction of the stream handed to the producer. */
    double progress() {
        return sent.get() / (double) records.size();
    }

    Throwable failure() {
        return failure.get();
    }

    /** Waits for the whole stream to be sent and acknowledged. */
    boolean join(java.time.Duration atMost) throws InterruptedException {
        thread.join(atMost.toMillis());
        return !thread.isAlive();
    }

    @Override
    public void close() {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
        }
    }
}
