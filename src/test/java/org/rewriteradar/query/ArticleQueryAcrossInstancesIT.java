package org.rewriteradar.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.streams.JsonSerdes;
import org.rewriteradar.streams.RadarTopology;

/**
 * Two service instances share the article store's partitions on a real broker; each answers queries for
 * every article, from its own stores or by asking the owner over real HTTP: the production
 * {@link HttpRemoteArticles} calls the owner's {@code GET /internal/articles/{id}}, served by the production
 * {@link InternalArticleResource} (on a JDK HTTP server here instead of Quarkus REST) over the owner's
 * running Kafka Streams. When the owner does not answer, the query is unavailable (503 upstream).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticleQueryAcrossInstancesIT {

    private static final List<String> TOPICS = List.of("articles", "rewrite-alerts", "articles-dlq");
    private static final String[] PLACES = {
        "Leeds",
        "Bristol",
        "Cardiff",
        "Dundee",
        "Exeter",
        "Galway",
        "Hull",
        "Inverness",
        "Kent",
        "Lincoln",
        "Mold",
        "Newry"
    };
    private static final String[] THINGS = {
        "library",
        "bridge",
        "school",
        "harbour",
        "market",
        "railway",
        "hospital",
        "museum",
        "stadium",
        "park",
        "theatre",
        "airport"
    };

    private static InJvmKafka kafka;
    private static final List<Instance> instances = new ArrayList<>();
    private static final List<Path> dirs = new ArrayList<>();
    private static Instance first;
    private static Instance second;

    /** One service instance: its Streams, its query service and the HTTP endpoint it advertises. */
    record Instance(
            KafkaStreams streams, ArticleQueryService queries, HttpServer http, HostInfo self, List<String> served) {

        String address() {
            return self.host() + ":" + self.port();
        }

        boolean owns(String id) {
            return self.equals(streams.queryMetadataForKey(
                            RadarTopology.ARTICLE_STORE, id, Serdes.String().serializer())
                    .activeHost());
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        kafka = InJvmKafka.start();
        kafka.createTopics(6, TOPICS.toArray(String[]::new));
        RadarConfig config = TestConfig.radar(Map.of("radar.topics.partitions", "6"));
        String appId = "radar-query-" + UUID.randomUUID();
        first = start(appId, config);
        second = start(appId, config);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> first.streams().state() == KafkaStreams.State.RUNNING
                        && second.streams().state() == KafkaStreams.State.RUNNING);
    }

    /** Starts an instance: HTTP endpoint first (its port is the advertised address), then Streams. */
    private static Instance start(String appId, RadarConfig config) throws IOException {
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        HostInfo self = new HostInfo("localhost", http.getAddress().getPort());
        Path stateDir = StateDirs.fresh("radar-query-");
        dirs.add(stateDir);
        Properties props = AppStreamsConfig.forTest(kafka.bootstrapServers(), appId, stateDir);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        KafkaStreams streams = new KafkaStreams(RadarTopology.build(config, engine), props);
        // the production remote path, with the configured radar.query.remote-timeout
        ArticleQueryService queries = new ArticleQueryService(
                streams, self, new HttpRemoteArticles(config.query().remoteTimeout()));
        List<String> served = new CopyOnWriteArrayList<>();
        InternalArticleResource resource = new InternalArticleResource();
        resource.queries = queries;
        http.createContext(InternalArticleResource.PATH + "/", exchange -> serve(resource, served, exchange));
        http.start();
        streams.start();
        Instance instance = new Instance(streams, queries, http, self, served);
        instances.add(instance);
        return instance;
    }

    /** What Quarkus REST does for the resource: the status, the media type and the entity as JSON. */
    private static void serve(InternalArticleResource resource, List<String> served, HttpExchange exchange)
            throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath().substring(InternalArticleResource.PATH.length() + 1);
            String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            served.add(id);
            Response response = resource.article(
                    id, "text=true".equals(exchange.getRequestURI().getQuery()));
            byte[] body = JsonSerdes.MAPPER.writeValueAsBytes(response.getEntity());
            exchange.getResponseHeaders().add("Content-Type", String.valueOf(response.getMediaType()));
            exchange.sendResponseHeaders(response.getStatus(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @AfterAll
    static void stop() {
        for (Instance i : instances) {
            i.http().stop(0);
            i.streams().close(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            kafka.close();
        }
        dirs.forEach(StateDirs::delete);
    }

    @Test
    @Order(1)
    void answersForEveryArticleFromEitherInstance() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < PLACES.length; i++) {
                String id = "q-" + i;
                String body = "The council in " + PLACES[i] + " voted to rebuild the old " + THINGS[i]
                        + " after " + (i + 3) + " years of delay. Residents of " + PLACES[i]
                        + " have campaigned for the " + THINGS[i] + " since it closed.";
                producer.send(new ProducerRecord<>(
                        "articles",
                        id,
                        "{\"id\":\"" + id + "\",\"body\":\"" + body + "\",\"publishedAt\":\"2024-05-0" + (1 + i % 9)
                                + "T10:00:00Z\"}"));
            }
        }

        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < PLACES.length; i++) {
            String id = "q-" + i;
            ArticleView viaFirst = Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> first.queries().article(id).orElse(null), v -> v != null);
            ArticleView viaSecond = second.queries().article(id).orElseThrow();
            assertThat(viaFirst.article()).isEqualTo(viaSecond.article());
            assertThat(viaFirst.versions()).isEqualTo(viaSecond.versions());
            assertThat(viaFirst.fingerprint()).isEqualTo(viaSecond.fingerprint());
            assertThat(viaFirst.servedBy()).isEqualTo(viaSecond.servedBy());
            assertThat(viaFirst.article().id()).isEqualTo(id);
            Instance owner = first.owns(id) ? first : second;
            Instance other = owner == first ? second : first;
            // the owner answered from its stores; the other one asked it over HTTP
            assertThat(viaFirst.servedBy()).isEqualTo(owner.address());
            assertThat(owner.served())
                    .as("HTTP requests to the owner of %s", id)
                    .contains(id);
            assertThat(other.served())
                    .as("HTTP requests to the non-owner of %s", id)
                    .doesNotContain(id);
            servedBy.add(viaFirst.servedBy());
        }
        assertThat(servedBy).containsExactlyInAnyOrder(first.address(), second.address());
        assertThat(first.served()).isNotEmpty();
        assertThat(second.served()).isNotEmpty();

        // an unknown id: the owner answers 404 over HTTP, which reads as "no such article" either way
        String missing = "q-missing";
        Instance ownerOfMissing = first.owns(missing) ? first : second;
        Instance askerOfMissing = ownerOfMissing == first ? second : first;
        assertThat(askerOfMissing.queries().article(missing)).isEmpty();
        assertThat(ownerOfMissing.served()).contains(missing);
        assertThat(ownerOfMissing.queries().article(missing)).isEmpty();
    }

    @Test
    @Order(2)
    void queryForAnArticleOfAnInstanceThatDoesNotAnswerIsUnavailable() {
        String ofSecond = java.util.stream.IntStream.range(0, PLACES.length)
                .mapToObj(i -> "q-" + i)
                .filter(second::owns)
                .findFirst()
                .orElseThrow();
        assertThat(first.queries().article(ofSecond)).isPresent();

        // the owner's endpoint goes away (its instance is down; Streams has not yet noticed)
        second.http().stop(0);

        assertThatThrownBy(() -> first.queries().article(ofSecond))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining(second.self().toString())
                .hasMessageContaining("did not answer");
        // what the owner holds itself is still answered locally
        assertThat(second.queries().article(ofSecond)).isPresent();
    }

    @Test
    @Order(3)
    void whileTheOwnerLeavesAndItsPartitionsMoveTheQueryIsUnavailableNeverWrong() {
        String ofSecond = java.util.stream.IntStream.range(0, PLACES.length)
                .mapToObj(i -> "q-" + i)
                .filter(second::owns)
                .findFirst()
                .orElseThrow();
        // the owner stops for good: the group rebalances, the first instance restores the partition and
        // takes it over; until then every answer is "unavailable" (503 upstream), never "no such article"
        second.streams().close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        List<String> outcomes = new ArrayList<>();
        ArticleView answered = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            try {
                                var view = first.queries().article(ofSecond);
                                outcomes.add(view.isPresent() ? "found" : "empty");
                                return view.orElse(null);
                            } catch (QueryUnavailableException e) {
                                outcomes.add("unavailable");
                                return null;
                            }
                        },
                        v -> v != null);
        System.out.println("[ArticleQueryAcrossInstancesIT] answers while the owner left: "
                + outcomes.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                o -> o, java.util.stream.Collectors.counting())));
        assertThat(outcomes).doesNotContain("empty");
        assertThat(answered.article().id()).isEqualTo(ofSecond);
        assertThat(answered.servedBy()).isEqualTo(first.address());
    }
}
