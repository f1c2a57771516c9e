package org.rewriteradar.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.model.RewriteAlert;

/** Streams settings, producing, consuming and temporary directories shared by the cluster tests. */
final class ClusterSupport {

    static final String ARTICLES = "articles";
    static final String ALERTS = "rewrite-alerts";
    static final String DLQ = "articles-dlq";

    private ClusterSupport() {}

    /**
     * The service's own Streams settings ({@code kafka-streams.*} of src/main/resources/application.properties,
     * see {@link AppStreamsConfig}) with only where it runs replaced: bootstrap servers, application id and a
     * fresh state dir per instance.
     */
    static Properties streamsProps(String bootstrap, String applicationId, Path stateDir) {
        return AppStreamsConfig.forTest(bootstrap, applicationId, stateDir);
    }

    /**
     * As {@link #streamsProps}, plus a short consumer session (6 s instead of the service's 45 s) so that
     * a SIGKILLed member leaves the group within the test's time: a timing change, not a semantic one.
     */
    static Properties streamsPropsFastFailover(String bootstrap, String applicationId, Path stateDir) {
        Properties p = streamsProps(bootstrap, applicationId, stateDir);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1500");
        return p;
    }

    /**
     * Asserts that the application's instances on the broker process exactly-once, as application.properties
     * says: its processing.guarantee is exactly_once_v2 and its stream threads hold transactional producers.
     */
    static void assertExactlyOnceInEffect(String bootstrap, String applicationId) {
        org.assertj.core.api.Assertions.assertThat(AppStreamsConfig.transactionalIds(bootstrap, applicationId))
                .as("transactional producers of %s (exactly_once_v2 has one per stream thread)", applicationId)
                .isNotEmpty();
        var guarantee = AppStreamsConfig.origin(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        org.assertj.core.api.Assertions.assertThat(guarantee.getValue())
                .as("kafka-streams.processing.guarantee from %s", guarantee.getSourceName())
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    /** An idempotent producer (acks=all) of raw keys and values. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    /** Publishes events in order with an idempotent producer (acks=all), key = article id. */
    static void publish(String bootstrap, List<Corpus.Event> events, Duration pause) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (Corpus.Event e : events) {
                producer.send(new ProducerRecord<>(ARTICLES, Reference.key(e), Reference.json(e)));
                if (!pause.isZero()) {
                    producer.flush();
                    sleep(pause);
                }
            }
            producer.flush();
        }
    }

    /** A consumer of the alert topic from its beginning (manual assignment, no group). */
    static KafkaConsumer<String, String> alertConsumer(String bootstrap, boolean readCommitted) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(ALERTS, Duration.ofSeconds(30))
                .forEach(pi -> partitions.add(new TopicPartition(ALERTS, pi.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Polls once and adds what came to {@code into}. */
    static void pollInto(KafkaConsumer<String, String> consumer, List<RewriteAlert> into, Duration timeout) {
        for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
            into.add(parse(r.value()));
        }
    }

    /**
     * Reads alerts until {@code expected} arrived or {@code timeout} passed, then keeps reading for
     * {@code grace} so duplicates that arrive late are seen too.
     */
    static List<RewriteAlert> readAlerts(
            KafkaConsumer<String, String> consumer,
            List<RewriteAlert> into,
            int expected,
            Duration timeout,
            Duration grace) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (into.size() < expected && System.nanoTime() < deadline) {
            pollInto(consumer, into, Duration.ofMillis(200));
        }
        long graceEnd = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < graceEnd) {
            pollInto(consumer, into, Duration.ofMillis(200));
        }
        return into;
    }

    /** What an alert says, without its timestamps and score: kind, rewrite@version, original@version. */
    static String finding(RewriteAlert a) {
        return a.kind() + " " + a.article().id() + "@" + a.article().version() + " <- "
                + a.original().id() + "@" + a.original().version();
    }

    static RewriteAlert parse(String json) {
        try {
            return org.rewriteradar.streams.JsonSerdes.MAPPER.readValue(json, RewriteAlert.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
