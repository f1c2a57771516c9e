package org.rewriteradar.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.LargeText;
import org.rewriteradar.SharedData;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.kafka.ApplicationDrain;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.FingerprintCodec;
import org.rewriteradar.streams.JsonSerdes;
import org.rewriteradar.streams.RadarTopology;
import org.rewriteradar.streams.StoredArticle;
import org.rewriteradar.streams.StreamFailures;
import org.rewriteradar.streams.TopicCreator;

/**
 * Record sizes on a real broker, with the service's own Streams settings and the topics as
 * {@link TopicCreator} creates them: a valid article whose body is just under
 * {@code radar.validation.max-body-bytes} (real text, the BBC pool concatenated) and a verbatim copy of
 * it; a 3 MiB record (the input topic accepts it, as a cluster configured for large records or a
 * hostile publisher's compressed batch would); then the seed pair. Each ends processed or dead-lettered
 * with a reason, and nothing is dropped by the production exception handler. Prints the largest record
 * the application wrote to each topic, internal ones included. (The copy's alert was 1,579,131 bytes, both
 * whole texts, before passages were cut to {@code radar.detection.evidence.max-passage-chars}; now it is a
 * few KB, and {@code RecordBudgetTest} checks the alert topic's {@code max.message.bytes}.)
 */
class RecordSizeLimitsIT {

    private static final int PARTITIONS = 2;
    private static final int HUGE_BYTES = 3 * 1024 * 1024;
    /** What the test's publisher and input topic accept: more than any limit of the service. */
    private static final int PUBLISHER_MAX_BYTES = 16 * 1024 * 1024;

    private final List<Throwable> streamErrors = new CopyOnWriteArrayList<>();
    private InJvmKafka kafka;
    private KafkaStreams streams;
    private Path stateDir;

    @AfterEach
    void tearDown() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(20));
        }
        if (kafka != null) {
            kafka.close();
        }
        StateDirs.delete(stateDir);
    }

    @Test
    @Timeout(180)
    void aLargeArticleAHugeRecordAndTheSeedPairAllEndProcessedOrDeadLettered() throws Exception {
        String seedOriginal = SharedData.seedOriginalJson();
        String seedRewrite = SharedData.seedRewriteJson();
        String articles = "articles";
        String alerts = "rewrite-alerts";
        String dlq = "articles-dlq";
        RadarConfig config = TestConfig.radar(Map.of("radar.topics.partitions", Integer.toString(PARTITIONS)));
        int maxBody = config.validation().maxBodyBytes();
        String largeBody = LargeText.body(maxBody - 1);
        String largeOriginal = article("large-original", largeBody, "2024-03-05T10:00:00Z");
        String largeCopy = article("large-copy", largeBody, "2024-03-05T12:00:00Z");
        byte[] huge = article("huge", LargeText.body(HUGE_BYTES), "2024-03-05T11:00:00Z")
                .getBytes(StandardCharsets.UTF_8);

        kafka = InJvmKafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(articles, PARTITIONS, (short) 1)
                            .configs(Map.of(
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(PUBLISHER_MAX_BYTES)))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        // the output topics as the service creates them (radar.topics.create=true); articles exists already
        TopicCreator.create(kafka.bootstrapServers(), PARTITIONS, (short) 1, TopicCreator.topicConfigs(config));

        String appId = "radar-sizes-" + UUID.randomUUID();
        stateDir = StateDirs.fresh("radar-sizes");
        Properties props = AppStreamsConfig.forTest(kafka.bootstrapServers(), appId, stateDir);
        streams = new KafkaStreams(RadarTopology.build(config, Reference.engine()), props);
        streams.setUncaughtExceptionHandler(e -> {
            streamErrors.add(e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await("running").atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        long productionFailures = StreamFailures.total("production");

        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = bigProducer()) {
            send(producer, articles, "large-original", largeOriginal.getBytes(StandardCharsets.UTF_8));
            send(producer, articles, "large-copy", largeCopy.getBytes(StandardCharsets.UTF_8));
            send(producer, articles, "huge", huge);
            send(producer, articles, SharedData.SEED_ORIGINAL_ID, seedOriginal.getBytes(StandardCharsets.UTF_8));
            send(producer, articles, SharedData.SEED_REWRITE_ID, seedRewrite.getBytes(StandardCharsets.UTF_8));
            producer.flush();
        }
        boolean idle = ApplicationDrain.await(
                kafka.bootstrapServers(), appId, articles, Duration.ofSeconds(60), () -> !streamErrors.isEmpty());
        double seconds = (System.nanoTime() - started) / 1e9;

        List<ConsumerRecord<byte[], byte[]>> alertRecords = readAll(alerts);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(dlq);
        List<String> findings =
                alertRecords.stream().map(r -> finding(r.value())).toList();
        ConsumerRecord<byte[], byte[]> hugeDead = deadLetters.stream()
                .filter(r -> "huge".equals(text(r.key())))
                .findFirst()
                .orElse(null);
        StoredArticle stored = streams.state() == KafkaStreams.State.RUNNING ? storedArticle("large-original") : null;
        Map<String, Integer> largest = largestRecords(appId, alerts, dlq);
        long droppedByProducer = StreamFailures.total("production") - productionFailures;
        System.out.printf(
                "[record-sizes] body %d bytes (limit %d), raw article %d bytes, huge record %d bytes; idle %s after"
                        + " %.1f s; state %s; alerts %s; dead letters %s; huge dead letter %s; article-store"
                        + " large-original %s; production failures +%d; stream errors %s%n",
                largeBody.getBytes(StandardCharsets.UTF_8).length,
                maxBody,
                largeOriginal.getBytes(StandardCharsets.UTF_8).length,
                huge.length,
                idle,
                seconds,
                streams.state(),
                findings,
                deadLetters.stream()
                        .map(r -> text(r.key()) + ":" + header(r, "radar.dlq.reason") + ":" + r.serializedValueSize())
                        .toList(),
                hugeDead == null ? "none" : headers(hugeDead),
                stored == null ? "absent" : "v" + stored.ref().version() + " " + stored.versions(),
                droppedByProducer,
                streamErrors.stream().map(RecordSizeLimitsIT::causes).toList());
        System.out.printf("[record-sizes] largest record written per topic (key + value + headers): %s%n", largest);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(streamErrors).as("stream thread errors").isEmpty();
        soft.assertThat(idle).as("everything consumed and committed").isTrue();
        soft.assertThat(droppedByProducer)
                .as("records dropped by the production exception handler")
                .isZero();
        soft.assertThat(stored).as("large-original in article-store").isNotNull();
        // derived records are of the size of the largest input (up to RecordBudgetTest's worst case, with
        // headers: that is what radar.topics.max-message-bytes is sized for), and were written whole: the
        // stored article holds its whole fingerprint (a record of 528,102 bytes for this one in fingerprint format 5,
        // 710,604 in format 4, over 1 MB, Kafka's default, in format 3)
        int fingerprintBytes = FingerprintCodec.encode(Reference.engine()
                        .fingerprint("large-original", null, largeBody)
                        .withoutKeys())
                .length;
        soft.assertThat(largest.get("article-store-changelog"))
                .as("the large article's changelog record holds its whole fingerprint")
                .isGreaterThan(fingerprintBytes)
                .isLessThan(fingerprintBytes + 1024);
        soft.assertThat(largest.get(alerts))
                .as("the copy's alert carries the first max-passage-chars of each text, not both whole texts")
                .isPositive()
                .isLessThan(10_000);
        soft.assertThat(findings)
                .as("alerts")
                .contains(
                        "VERBATIM_COPY large-copy <- large-original",
                        "SPUN_REWRITE " + SharedData.SEED_REWRITE_ID + " <- " + SharedData.SEED_ORIGINAL_ID);
        soft.assertThat(hugeDead).as("the huge record in the dead-letter topic").isNotNull();
        if (hugeDead != null) {
            soft.assertThat(header(hugeDead, "radar.dlq.reason")).isEqualTo("RECORD_TOO_LARGE");
            soft.assertThat(header(hugeDead, "radar.dlq.stage")).isEqualTo("intake");
            soft.assertThat(header(hugeDead, "radar.dlq.original-value-bytes"))
                    .isEqualTo(Integer.toString(huge.length));
            soft.assertThat(header(hugeDead, "radar.dlq.truncated")).isEqualTo("value");
            int kept = config.validation().deadLetterKeepBytes();
            soft.assertThat(hugeDead.value()).as("the value's first bytes").hasSize(kept);
            soft.assertThat(hugeDead.value()).isEqualTo(Arrays.copyOf(huge, kept));
        }
        soft.assertAll();
    }

    private static String article(String id, String body, String publishedAt) {
        Map<String, Object> event = new TreeMap<>();
        event.put("id", id);
        event.put("source", "BBC News (concatenated)");
        event.put("title", "A very long article " + id);
        event.put("body", body);
        event.put("publishedAt", publishedAt);
        event.put("language", "en");
        try {
            return JsonSerdes.MAPPER.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<byte[], byte[]> bigProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                PUBLISHER_MAX_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                4L * PUBLISHER_MAX_BYTES,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                .get(60, TimeUnit.SECONDS);
    }

    private StoredArticle storedArticle(String id) {
        try {
            ReadOnlyKeyValueStore<String, StoredArticle> store = streams.store(StoreQueryParameters.fromNameAndType(
                    RadarTopology.ARTICLE_STORE, QueryableStoreTypes.keyValueStore()));
            return store.get(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every committed record of a topic, from its beginning to its current end. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return readAll(consumer, topic);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(pi -> partitions.add(new TopicPartition(topic, pi.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline
                && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }

    /** The largest record (key + value + headers) the application wrote to each of its topics. */
    private Map<String, Integer> largestRecords(String appId, String... outputs) {
        Map<String, Integer> out = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<String> topics = new ArrayList<>(List.of(outputs));
            admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(appId + "-"))
                    .sorted()
                    .forEach(topics::add);
            for (String topic : topics) {
                int max = 0;
                for (ConsumerRecord<byte[], byte[]> r : readAll(consumer, topic)) {
                    int size = Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
                    for (Header h : r.headers()) {
                        size += h.key().getBytes(StandardCharsets.UTF_8).length
                                + (h.value() == null ? 0 : h.value().length);
                    }
                    max = Math.max(max, size);
                }
                out.put(topic.startsWith(appId + "-") ? topic.substring(appId.length() + 1) : topic, max);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(org.rewriteradar.kafka.ByteConsumers.config(kafka.bootstrapServers(), true));
    }

    private static String finding(byte[] json) {
        RewriteAlert a = ClusterSupport.parse(text(json));
        return a.kind() + " " + a.article().id() + " <- " + a.original().id();
    }

    private static String headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> out = new TreeMap<>();
        for (Header h : r.headers()) {
            out.put(h.key(), h.value() == null ? null : text(h.value()));
        }
        return out + " value " + r.serializedValueSize() + " bytes";
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : text(h.value());
    }

    /** An exception and its causes, one line. */
    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(t);
        }
        return sb.toString();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
