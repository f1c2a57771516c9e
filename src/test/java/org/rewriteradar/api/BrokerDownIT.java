package org.rewriteradar.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;

/**
 * With no broker to talk to, the HTTP API says so: {@code POST /articles} answers 503 naming the articles not
 * published once the producer gave up (never a 202, never a silent drop), and the queries answer 503 while
 * Kafka Streams is not running.
 */
@QuarkusTest
@TestProfile(BrokerDownIT.NoBroker.class)
class BrokerDownIT {

    /** Kafka at a local port nobody listens on; short producer timeouts. */
    public static class NoBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestCredentials.serviceProperties());
            config.put("kafka.bootstrap.servers", "localhost:" + closedPort());
            config.put("quarkus.kafka-streams.application-id", "radar-down-" + UUID.randomUUID());
            config.put("kafka-streams.state.dir", StateDirs.fresh("radar-down").toString());
            config.put("mp.messaging.outgoing.articles-out.max.block.ms", "2000");
            config.put("mp.messaging.outgoing.articles-out.request.timeout.ms", "2000");
            config.put("mp.messaging.outgoing.articles-out.delivery.timeout.ms", "3000");
            config.put("radar.api.ingest.publish-timeout", "PT8S");
            return config;
        }

        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void publishingIs503NamingWhatWasNotPublished() {
        String id = "down-" + UUID.randomUUID();
        long started = System.nanoTime();
        Response r = given().header("Authorization", TestCredentials.bearer(TestCredentials.token("ingest")))
                .contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"body\":\"b\",\"publishedAt\":\"2026-01-02T03:04:05Z\"}")
                .post("/articles");
        r.then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("failed", equalTo(List.of(id)))
                .body("published", equalTo(List.of()));
        assertThat(r.header("Retry-After")).isNotBlank();
        // bounded by radar.api.ingest.publish-timeout (and the producer's delivery timeout before it)
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(20);
    }

    @Test
    void queriesAre503WhileStreamsIsNotRunning() {
        String reader = TestCredentials.bearer(TestCredentials.token("reader"));
        for (String path : List.of("/articles/x", "/articles/x/rewrites", "/alerts")) {
            given().header("Authorization", reader)
                    .get(path)
                    .then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503));
        }
    }
}
