package org.rewriteradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.StateDirs;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.ApplicationDrain;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.MixedEraSample;
import org.rewriteradar.streams.RadarTopology;

/**
 * Retention through a real broker with the service's own Streams settings: a mixed-era sample (Reuters
 * 1987, METER 1999–2000, the 2022 seeds) published flat out, all sets together in date order — the
 * partitions consumed at their own speeds, as in a replay or a backfill — gives the same alerts as the
 * same articles published one at a time, each waited for until processed. And a rewrite published before
 * its original is alerted once, naming the earlier-published article.
 */
class ReplayEqualsLiveIT {

    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final List<Throwable> streamErrors = new CopyOnWriteArrayList<>();
    private InJvmKafka kafka;

    @AfterEach
    void tearDown() {
        instances.forEach(s -> s.close(Duration.ofSeconds(20)));
        if (kafka != null) {
            kafka.close();
        }
        dirs.forEach(StateDirs::delete);
    }

    @Test
    @Timeout(600)
    void aFlatOutReplayFindsWhatArticlesOneAtATimeFind() {
        MixedEraSample sample = MixedEraSample.load();
        kafka = InJvmKafka.start();

        List<RewriteAlert> flatOut = run("flat", sample.events(), false);
        List<RewriteAlert> oneAtATime = run("live", sample.events(), true);
        System.out.printf(
                "[replay-equals-live] %d events: flat out %d alerts (%d labelled found), one at a time %d alerts"
                        + " (%d labelled found)%n",
                sample.events().size(),
                flatOut.size(),
                sample.found(flatOut).size(),
                oneAtATime.size(),
                sample.found(oneAtATime).size());

        assertThat(flatOut).extracting(RewriteAlert::alertId).doesNotHaveDuplicates();
        assertThat(MixedEraSample.untiedFindings(flatOut)).isEqualTo(MixedEraSample.untiedFindings(oneAtATime));
        assertThat(sample.found(flatOut))
                .as("the Reuters 1987 copies and revisions and the 2022 seed pair")
                .containsAll(sample.pairs().stream()
                        .filter(p -> !p.set().equals("meter"))
                        .map(p -> p.original() + " <- " + p.candidate())
                        .toList());
    }

    @Test
    @Timeout(300)
    void aRewritePublishedBeforeItsOriginalIsAlertedOnceNamingTheOriginal() {
        MixedEraSample sample = MixedEraSample.load();
        MixedEraSample.Pair seed = sample.pairs().stream()
                .filter(p -> p.set().equals("seeds"))
                .findFirst()
                .orElseThrow();
        MixedEraSample.Pair reuters = sample.pairs().stream()
                .filter(p -> p.label().equals("VERBATIM_COPY"))
                .findFirst()
                .orElseThrow();
        List<MixedEraSample.Event> reversed = new ArrayList<>();
        // the 2022 pair first, then the 1987 pair: each rewrite before its original
        for (String id : List.of(seed.candidate(), seed.original(), reuters.candidate(), reuters.original())) {
            sample.events().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(reversed::add);
        }
        kafka = InJvmKafka.start();

        List<RewriteAlert> alerts = run("reversed", reversed, false);

        assertThat(alerts)
                .extracting(MixedEraSample::finding)
                .containsExactlyInAnyOrder(
                        "SPUN_REWRITE " + seed.original() + " <- " + seed.candidate(),
                        "VERBATIM_COPY " + reuters.original() + " <- " + reuters.candidate());
    }

    /** A fresh application on its own topics; the events published flat out or one at a time. */
    private List<RewriteAlert> run(String name, List<MixedEraSample.Event> events, boolean oneAtATime) {
        String articles = "articles-" + name;
        String alertsTopic = "alerts-" + name;
        String dlq = "dlq-" + name;
        kafka.createTopics(Reference.PARTITIONS, articles, alertsTopic, dlq);
        RadarConfig config = org.rewriteradar.TestConfig.radar(Map.of(
                "radar.topics.partitions", Integer.toString(Reference.PARTITIONS),
                "radar.topics.articles", articles,
                "radar.topics.alerts", alertsTopic,
                "radar.topics.dead-letter", dlq));
        String appId = "radar-replay-" + name + "-" + UUID.randomUUID();
        Path stateDir = StateDirs.fresh("radar-replay-" + name);
        dirs.add(stateDir);
        Properties props = ClusterSupport.streamsProps(kafka.bootstrapServers(), appId, stateDir);
        KafkaStreams streams = new KafkaStreams(RadarTopology.build(config, Reference.engine()), props);
        streams.setUncaughtExceptionHandler(e -> {
            streamErrors.add(e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        instances.add(streams);
        streams.start();
        await(name + " running")
                .atMost(Duration.ofSeconds(90))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);

        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = ClusterSupport.producer(kafka.bootstrapServers());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (MixedEraSample.Event e : events) {
                producer.send(new ProducerRecord<>(
                        articles,
                        e.id().getBytes(StandardCharsets.UTF_8),
                        e.json().getBytes(StandardCharsets.UTF_8)));
                if (oneAtATime) {
                    producer.flush();
                    awaitIdle(admin, appId, articles);
                }
            }
            producer.flush();
            awaitIdle(admin, appId, articles);
        }
        assertThat(streamErrors).as("stream thread errors").isEmpty();
        System.out.printf(
                "[replay-equals-live] %s: %d events processed in %.1f s%n",
                name, events.size(), (System.nanoTime() - started) / 1e9);

        List<RewriteAlert> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = alertConsumer(alertsTopic)) {
            ClusterSupport.readAlerts(consumer, out, Integer.MAX_VALUE, Duration.ofSeconds(3), Duration.ZERO);
        }
        streams.close(Duration.ofSeconds(20));
        return out;
    }

    /**
     * Waits until the application has processed and committed everything in its input and repartition
     * topics: for every partition it consumes, its committed offset has reached the end (with exactly-once,
     * the last stable offset, a transaction marker past the last record allowed for).
     */
    private void awaitIdle(Admin admin, String appId, String input) {
        await("application " + appId + " idle")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(streamErrors).as("stream thread errors").isEmpty();
                    return ApplicationDrain.drained(admin, appId, input);
                });
    }

    private KafkaConsumer<String, String> alertConsumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class,
                org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(pi -> partitions.add(new TopicPartition(topic, pi.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
