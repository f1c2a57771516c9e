package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.kafka.ByteConsumers;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * {@link StreamThreadRecovery} on a real broker, with the service's own Streams settings ({@code
 * exactly_once_v2}, its exception handlers): a stream thread killed by an exception no handler takes is
 * replaced and the stream goes on with nothing lost or doubled; a record this instance cannot read, which
 * would kill every replacement again, shuts the client down at once instead of looping.
 */
class StreamThreadRecoveryIT {

    private InJvmKafka kafka;
    private Path stateDir;
    private KafkaStreams streams;

    @BeforeEach
    void start() {
        kafka = InJvmKafka.start();
        stateDir = StateDirs.fresh("thread-recovery-it");
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        kafka.close();
        StateDirs.delete(stateDir);
    }

    @Test
    @Timeout(180)
    void replacesDeadStreamThreadAndLosesOrDoublesNothing() throws Exception {
        kafka.createTopics(1, "in", "out");
        AtomicBoolean failed = new AtomicBoolean();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.equals("v50") && failed.compareAndSet(false, true)) {
                        throw new StreamsException("injected: a failure no handler takes");
                    }
                    return v;
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        StreamThreadRecovery recovery = new StreamThreadRecovery(5, Duration.ofMinutes(10), System::nanoTime);
        streams = start(builder.build(), "thread-recovery-replace", recovery);

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add("v" + i);
        }
        publish("in", sent.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList());

        List<String> out = readCommitted("out", 100, Duration.ofSeconds(90));
        assertThat(failed).isTrue();
        assertThat(recovery.replaced()).isEqualTo(1);
        assertThat(out).containsExactlyElementsOf(sent);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    @Test
    @Timeout(180)
    void shutsDownInsteadOfLoopingOnARecordFormatItCannotRead() throws Exception {
        String applicationId = "thread-recovery-format";
        Topology topology = RadarTopology.build(TestConfig.radar(), new RewriteEngine(DetectionSettings.defaults()));
        String bands = applicationId + "-" + RadarTopology.ARTICLE_BANDS + "-repartition";
        kafka.createTopics(
                TestConfig.radar().topics().partitions(),
                TestConfig.radar().topics().articles());
        kafka.createTopics(TestConfig.radar().topics().partitions(), bands);
        StreamThreadRecovery recovery = new StreamThreadRecovery(5, Duration.ofMinutes(10), System::nanoTime);
        streams = start(topology, applicationId, recovery);

        publish(bands, List.of(new byte[] {99, 1, 2, 3}));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (streams.state() != KafkaStreams.State.ERROR && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
        assertThat(recovery.replaced()).isZero();
    }

    private KafkaStreams start(Topology topology, String applicationId, StreamThreadRecovery recovery)
            throws InterruptedException {
        Properties props = AppStreamsConfig.forTest(kafka.bootstrapServers(), applicationId, stateDir);
        KafkaStreams started = new KafkaStreams(topology, props);
        started.setUncaughtExceptionHandler(recovery);
        started.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (started.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(started.state()).isEqualTo(KafkaStreams.State.RUNNING);
        return started;
    }

    private void publish(String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, "k".getBytes(StandardCharsets.UTF_8), value))
                        .get();
            }
        }
    }

    private List<String> readCommitted(String topic, int expected, Duration timeout) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(ByteConsumers.config(kafka.bootstrapServers(), true))) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                if (out.size() >= expected) {
                    // a doubled record would arrive after the expected count: keep reading a little
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                        out.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    break;
                }
            }
        }
        return out;
    }
}
