package org.rewriteradar.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.streams.RadarTopology;

/**
 * Two Streams instances share the article store's partitions on a real broker; each answers queries
 * for every article, from its own stores or by asking the owner.
 */
class ArticleQueryAcrossInstancesTest {

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
    private static KafkaStreams first;
    private static KafkaStreams second;
    private static ArticleQueryService askFirst;
    private static ArticleQueryService askSecond;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        kafka = InJvmKafka.start();
        kafka.createTopics(6, TOPICS.toArray(String[]::new));
        RadarConfig config = TestConfig.radar(Map.of("radar.topics.partitions", "6"));
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        String appId = "radar-query-" + UUID.randomUUID();
        HostInfo one = new HostInfo("localhost", 7001);
        HostInfo two = new HostInfo("localhost", 7002);
        first = new KafkaStreams(RadarTopology.build(config, engine), props(appId, one));
        second = new KafkaStreams(RadarTopology.build(config, engine), props(appId, two));
        ArticleQueryService[] services = new ArticleQueryService[2];
        RemoteArticles remote = (owner, id) -> services[owner.equals(one) ? 0 : 1].localArticle(id);
        services[0] = new ArticleQueryService(first, one, remote, engine);
        services[1] = new ArticleQueryService(second, two, remote, engine);
        askFirst = services[0];
        askSecond = services[1];
        first.start();
        second.start();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() ->
                        first.state() == KafkaStreams.State.RUNNING && second.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close(Duration.ofSeconds(10));
        }
        if (second != null) {
            second.close(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Properties props(String appId, HostInfo self) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, StateDirs.fresh("radar-query").toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return p;
    }

    @Test
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
                    .until(() -> askFirst.article(id).orElse(null), v -> v != null);
            ArticleView viaSecond = askSecond.article(id).orElseThrow();
            assertThat(viaFirst.article()).isEqualTo(viaSecond.article());
            assertThat(viaFirst.servedBy()).isEqualTo(viaSecond.servedBy());
            assertThat(viaFirst.article().id()).isEqualTo(id);
            servedBy.add(viaFirst.servedBy());
        }
        assertThat(servedBy).containsExactlyInAnyOrder("localhost:7001", "localhost:7002");
        assertThat(askFirst.article("q-missing")).isEmpty();
    }
}
