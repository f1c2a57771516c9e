package org.rewriteradar.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.kafka.InJvmKafkaResource;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.streams.JsonSerdes;

/**
 * The live feed end to end on the in-JVM broker: the seed pair published over HTTP is detected by the topology,
 * written to {@code rewrite-alerts}, read (committed) by the Reactive Messaging consumer and received by an
 * SSE client with a reader's token; filters hold; a client that reconnects with {@code Last-Event-ID} gets
 * what it missed and nothing it had.
 */
@QuarkusTest
@WithTestResource(InJvmKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
class AlertStreamIT {

    @Inject
    KafkaStreams streams;

    @Inject
    AlertFeed feed;

    @Inject
    MeterRegistry registry;

    private String base;

    @BeforeEach
    void running() {
        base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING && feed.assigned());
    }

    private static Map<String, String> reader() {
        return Map.of("Authorization", TestCredentials.bearer(TestCredentials.token("reader")));
    }

    private static void publish(String ndjson) {
        given().header("Authorization", TestCredentials.bearer(TestCredentials.token("ingest")))
                .contentType("application/json")
                .body(("[" + String.join(",", ndjson.strip().split("\n")) + "]").getBytes(StandardCharsets.UTF_8))
                .post("/articles")
                .then()
                .statusCode(202);
    }

    @Test
    void streamsTheSeedAlertLiveFilteredAndResumes() throws Exception {
        try (SseClient all = new SseClient(base + "/alerts/stream", reader());
                SseClient spun = new SseClient(base + "/alerts/stream?kind=SPUN_REWRITE", reader());
                SseClient revised = new SseClient(base + "/alerts/stream?kind=REVISED", reader());
                SseClient anonymous = new SseClient(base + "/alerts/stream", Map.of())) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> all.status() == 200 && spun.status() == 200);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.status() != 0);
            assertThat(anonymous.status()).isEqualTo(401);

            publish(SharedData.seedOriginalJson() + "\n" + SharedData.seedRewriteJson());

            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> alerts(spun).stream()
                    .anyMatch(a -> a.article().id().equals(SharedData.SEED_REWRITE_ID)));
            RewriteAlert alert = alerts(spun).get(0);
            assertThat(alert.kind()).isEqualTo(RewriteKind.SPUN_REWRITE);
            assertThat(alert.original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
            assertThat(alert.evidence()).anySatisfy(p -> assertThat(p.quote()).isTrue());
            SseClient.Event first = spun.events.get(0);
            assertThat(first.name()).isEqualTo("alert");
            assertThat(first.id()).matches("\\d+-\\d+");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !all.events.isEmpty());
            assertThat(alerts(all)).extracting(RewriteAlert::alertId).contains(alert.alertId());

            // a copy of the original while a client is away: it resumes after the last event it saw
            String lastSeen = all.events.get(all.events.size() - 1).id();
            all.close();
            String copy = "copy-" + UUID.randomUUID();
            publish(SharedData.seedOriginalJson()
                    .replace("\"id\": \"" + SharedData.SEED_ORIGINAL_ID + "\"", "\"id\": \"" + copy + "\"")
                    .replace("2022-01-27T18:00:00Z", "2022-01-29T18:00:00Z"));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> feed.buffered().stream()
                    .anyMatch(e -> e.alert().article().id().equals(copy)));
            try (SseClient resumed = new SseClient(
                    base + "/alerts/stream",
                    Map.of("Authorization", reader().get("Authorization"), "Last-Event-ID", lastSeen))) {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(resumed).stream()
                        .anyMatch(a -> a.article().id().equals(copy)));
                assertThat(alerts(resumed)).extracting(RewriteAlert::alertId).doesNotContain(alert.alertId());
            }
            // what the feed consumer counts: alerts by kind, and the lag from the article's publication on the
            // input topic to the alert's detection (seconds here, not the years since the seed's publishedAt)
            assertThat(registry.counter("radar.alerts.out", "kind", "SPUN_REWRITE")
                            .count())
                    .isGreaterThanOrEqualTo(1);
            Timer lag = registry.find("radar.alert.lag").timer();
            assertThat(lag).isNotNull();
            assertThat(lag.count()).isGreaterThanOrEqualTo(2);
            assertThat(lag.max(TimeUnit.SECONDS)).isLessThan(120);
            // what the topology records, as Prometheus scrapes it from the management port
            String scrape = given().port(managementPort())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(sample(scrape, "radar_articles_in_total")).isGreaterThanOrEqualTo(2);
            assertThat(sample(scrape, "radar_candidates_per_article_count")).isGreaterThanOrEqualTo(2);
            assertThat(sample(scrape, "radar_candidates_per_article_max")).isGreaterThanOrEqualTo(1);
            assertThat(sample(scrape, "radar_scoring_latency_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(sample(scrape, "radar_scoring_latency_seconds_sum")).isPositive();
            assertThat(scrape).contains("radar_scoring_latency_seconds_bucket{");
            // the filtered streams saw only their kind
            assertThat(alerts(spun)).allSatisfy(a -> assertThat(a.kind()).isEqualTo(RewriteKind.SPUN_REWRITE));
            assertThat(alerts(revised)).allSatisfy(a -> assertThat(a.kind()).isEqualTo(RewriteKind.REVISED));
        }
    }

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** The value of an untagged sample in a Prometheus scrape. */
    private static double sample(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape", name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static List<RewriteAlert> alerts(SseClient client) {
        return client.events.stream()
                .filter(e -> "alert".equals(e.name()))
                .map(e -> {
                    try {
                        return JsonSerdes.MAPPER.readValue(e.data(), RewriteAlert.class);
                    } catch (Exception ex) {
                        throw new AssertionError("not an alert: " + e.data(), ex);
                    }
                })
                .toList();
    }
}
