package org.rewriteradar.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.api.TestCredentials;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.query.ArticleQueryService;
import org.rewriteradar.query.ArticleView;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.streams.JsonSerdes;

/**
 * End to end through a real broker: a real producer publishes articles, the running service processes
 * them, a real consumer (read-committed) reads what it wrote. Subclasses choose the broker.
 */
abstract class SeedPairScenario {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void flagsSeedRewritePublishedAfterItsOriginal() throws Exception {
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
        publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());

        List<ConsumerRecord<String, String>> alerts =
                consume("rewrite-alerts", r -> r.key().equals(SharedData.SEED_REWRITE_ID), 1, Duration.ofSeconds(90));

        assertThat(alerts).hasSize(1);
        RewriteAlert alert = JsonSerdes.MAPPER.readValue(alerts.get(0).value(), RewriteAlert.class);
        assertThat(alert.article().id()).isEqualTo(SharedData.SEED_REWRITE_ID);
        assertThat(alert.original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
        assertThat(alert.kind()).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(alert.score()).isBetween(0.65, 1.0);
        assertThat(alert.evidence())
                .anySatisfy(p -> assertThat(p.quote() && p.originalText().startsWith("There is no positive reaction"))
                        .isTrue());
        // the service ran with application.properties' exactly_once_v2: its stream thread is transactional
        String applicationId =
                ConfigProvider.getConfig().getValue("quarkus.kafka-streams.application-id", String.class);
        assertThat(ConfigProvider.getConfig().getValue("kafka-streams.processing.guarantee", String.class))
                .isEqualTo("exactly_once_v2");
        assertThat(AppStreamsConfig.transactionalIds(bootstrapServers, applicationId))
                .isNotEmpty();
    }

    @Inject
    ArticleQueryService queries;

    @Test
    void answersArticleQueriesWithVersionsAndRewritesOverHttpToo() throws Exception {
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
        publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());

        ArticleView original = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> queries.article(SharedData.SEED_ORIGINAL_ID).orElse(null),
                        v -> v != null && !v.rewrites().asOriginal().isEmpty());
        assertThat(original.article().version()).isEqualTo(1);
        assertThat(original.versions()).hasSize(1);
        assertThat(original.fingerprint().sentences()).isPositive();
        assertThat(original.rewrites().asOriginal().get(0).article().id()).isEqualTo(SharedData.SEED_REWRITE_ID);

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> found = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/internal/articles/" + SharedData.SEED_REWRITE_ID))
                        .header("Authorization", TestCredentials.bearer(TestCredentials.token("reader")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        ArticleView rewrite = JsonSerdes.MAPPER.readValue(found.body(), ArticleView.class);
        assertThat(rewrite.rewrites().asRewrite()).hasSize(1);
        assertThat(rewrite.rewrites().asRewrite().get(0).original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);

        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/articles/no-such-article"))
                        .header("Authorization", TestCredentials.bearer(TestCredentials.token("reader")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void routesMalformedRecordToDeadLetterTopic() {
        String key = "broken-" + UUID.randomUUID();
        RecordMetadata source = publish(key, "{\"id\": \"" + key + "\", \"body\": ");

        List<ConsumerRecord<String, String>> dead =
                consume("articles-dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(60));

        assertThat(dead).hasSize(1);
        Header reason = dead.get(0).headers().lastHeader("radar.dlq.reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isEqualTo("MALFORMED_JSON");
        assertThat(header(dead.get(0), "radar.dlq.topic")).isEqualTo("articles");
        assertThat(header(dead.get(0), "radar.dlq.partition")).isEqualTo(Integer.toString(source.partition()));
        assertThat(header(dead.get(0), "radar.dlq.offset")).isEqualTo(Long.toString(source.offset()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private RecordMetadata publish(String key, String json) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            return producer.send(new ProducerRecord<>("articles", key, json)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + key, e);
        }
    }

    /** Reads the topic from the start until {@code expected} matching records arrived, then a grace period. */
    private List<ConsumerRecord<String, String>> consume(
            String topic, Predicate<ConsumerRecord<String, String>> match, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long graceEnd = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, graceEnd)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.key() != null && match.test(r)) {
                        found.add(r);
                    }
                }
                if (found.size() >= expected && graceEnd == Long.MAX_VALUE) {
                    graceEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }
}
