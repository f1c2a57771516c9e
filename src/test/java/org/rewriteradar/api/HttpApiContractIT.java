package org.rewriteradar.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rewriteradar.SharedData;
import org.rewriteradar.kafka.InJvmKafkaResource;

/**
 * The HTTP contract on a running service with a real (in-JVM) broker: who may call what (real JWTs signed
 * with a key pair made by the test, API keys), every kind of bad input to {@code POST /articles} with the
 * problem body naming the article and the field, the size and rate limits, and the queries answered from the
 * stores once the broker acknowledged.
 */
@QuarkusTest
@WithTestResource(InJvmKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
@WithTestResource(ContractLimitsResource.class)
class HttpApiContractIT {

    @Inject
    KafkaStreams streams;

    @BeforeAll
    static void ndjsonAsUtf8Text() {
        RestAssured.config = RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(IngestBatch.NDJSON, ContentType.TEXT)
                        .defaultCharsetForContentType("UTF-8", IngestBatch.NDJSON));
    }

    @BeforeEach
    void running() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    private static RequestSpecification as(String... roles) {
        return given().header("Authorization", TestCredentials.bearer(TestCredentials.token(roles)));
    }

    private static String article(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"T " + id + "\",\"source\":\"Contract\",\"body\":\"Body of " + id
                + " with some words.\",\"publishedAt\":\"2026-01-02T03:04:05Z\"}";
    }

    // --- authentication and roles -------------------------------------------------------------------------

    @Test
    void noCredentialsIs401WithProblemBody() {
        for (String path : List.of("/articles/x", "/articles/x/rewrites", "/alerts", "/internal/articles/x")) {
            given().get(path)
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401))
                    .body("title", equalTo("Unauthorized"));
        }
        given().contentType("application/json")
                .body(article("anon"))
                .post("/articles")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void badTokensAre401() {
        for (String token : List.of(
                TestCredentials.expiredToken("reader"),
                TestCredentials.wrongIssuerToken("reader"),
                TestCredentials.wrongSignatureToken("reader"),
                "not.a.jwt",
                "")) {
            given().header("Authorization", "Bearer " + token)
                    .get("/articles/x")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401));
        }
        given().header("X-API-Key", "no-such-key")
                .get("/articles/x")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void eachRoleReachesWhatItMayAndNothingElse() {
        // reader: reads, may not publish
        as("reader").get("/articles/no-such").then().statusCode(404);
        as("reader").get("/alerts").then().statusCode(200);
        as("reader")
                .contentType("application/json")
                .body(article("r-" + UUID.randomUUID()))
                .post("/articles")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        // ingest: publishes, may not read
        as("ingest")
                .contentType("application/json")
                .body(article("i-" + UUID.randomUUID()))
                .post("/articles")
                .then()
                .statusCode(202);
        as("ingest").get("/articles/no-such").then().statusCode(403);
        as("ingest").get("/alerts").then().statusCode(403);
        as("ingest").get("/internal/articles/no-such").then().statusCode(403);
        // admin: both
        as("admin").get("/articles/no-such").then().statusCode(404);
        as("admin")
                .contentType("application/json")
                .body(article("a-" + UUID.randomUUID()))
                .post("/articles")
                .then()
                .statusCode(202);
        // a token without any of the roles
        as("someone").get("/articles/no-such").then().statusCode(403);
    }

    @Test
    void apiKeysCarryTheirRoles() {
        given().header("X-API-Key", TestCredentials.INGEST_KEY)
                .contentType("application/json")
                .body(article("k-" + UUID.randomUUID()))
                .post("/articles")
                .then()
                .statusCode(202);
        given().header("X-API-Key", TestCredentials.INGEST_KEY)
                .get("/alerts")
                .then()
                .statusCode(403);
        given().header("X-API-Key", TestCredentials.READER_KEY)
                .get("/alerts")
                .then()
                .statusCode(200);
        given().header("X-API-Key", TestCredentials.READER_KEY)
                .contentType("application/json")
                .body(article("k-" + UUID.randomUUID()))
                .post("/articles")
                .then()
                .statusCode(403);
        given().header("X-API-Key", TestCredentials.ADMIN_KEY)
                .get("/alerts")
                .then()
                .statusCode(200);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortWithoutCredentials() {
        int management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        given().port(management).get("/q/health/live").then().statusCode(200);
        given().port(management).get("/q/metrics").then().statusCode(200).body(containsString("radar_api_articles"));
        // the OpenAPI document describes the API
        given().port(management)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("\"/articles\""))
                .body(containsString("\"/alerts/stream\""));
        // not on the API port
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    // --- bad input ----------------------------------------------------------------------------------------

    static Stream<Arguments> badArticles() {
        String ok = "\"publishedAt\":\"2026-01-02T03:04:05Z\"";
        return Stream.of(
                Arguments.of("not JSON", "{\"id\": \"x\", \"body\": ", null, "MALFORMED_JSON"),
                Arguments.of("a JSON string", "\"just a string\"", null, "MALFORMED_JSON"),
                Arguments.of("a number in an array", "[1]", null, "MALFORMED_JSON"),
                Arguments.of("an empty array", "[]", null, "EMPTY_RECORD"),
                Arguments.of("no id", "{\"body\":\"b\"," + ok + "}", "id", "MISSING_ID"),
                Arguments.of("blank id", "{\"id\":\"  \",\"body\":\"b\"," + ok + "}", "id", "MISSING_ID"),
                Arguments.of("id an object", "{\"id\":{},\"body\":\"b\"," + ok + "}", "id", "INVALID_FIELD"),
                Arguments.of(
                        "id too long",
                        "{\"id\":\"" + "i".repeat(513) + "\",\"body\":\"b\"," + ok + "}",
                        "id",
                        "INVALID_FIELD"),
                Arguments.of(
                        "id with a control character",
                        "{\"id\":\"a\\u0007b\",\"body\":\"b\"," + ok + "}",
                        "id",
                        "INVALID_FIELD"),
                Arguments.of("no body", "{\"id\":\"x\"," + ok + "}", "body", "MISSING_BODY"),
                Arguments.of("blank body", "{\"id\":\"x\",\"body\":\" \"," + ok + "}", "body", "MISSING_BODY"),
                Arguments.of("body a number", "{\"id\":\"x\",\"body\":5," + ok + "}", "body", "INVALID_FIELD"),
                Arguments.of("no publishedAt", "{\"id\":\"x\",\"body\":\"b\"}", "publishedAt", "MISSING_PUBLISHED_AT"),
                Arguments.of(
                        "publishedAt not a date", "{\"id\":\"x\",\"body\":\"b\",\"publishedAt\":\"yesterday\"}",
                        "publishedAt", "INVALID_PUBLISHED_AT"),
                Arguments.of(
                        "publishedAt without offset",
                        "{\"id\":\"x\",\"body\":\"b\",\"publishedAt\":\"2026-01-02T03:04:05\"}",
                        "publishedAt",
                        "INVALID_PUBLISHED_AT"),
                Arguments.of(
                        "publishedAt before 1900",
                        "{\"id\":\"x\",\"body\":\"b\",\"publishedAt\":\"1899-12-31T23:59:59Z\"}",
                        "publishedAt",
                        "INVALID_PUBLISHED_AT"),
                Arguments.of(
                        "publishedAt in the future",
                        "{\"id\":\"x\",\"body\":\"b\",\"publishedAt\":\""
                                + Instant.now().plus(Duration.ofDays(3)) + "\"}",
                        "publishedAt",
                        "PUBLISHED_IN_FUTURE"),
                Arguments.of(
                        "title a number",
                        "{\"id\":\"x\",\"body\":\"b\",\"title\":3," + ok + "}",
                        "title",
                        "INVALID_FIELD"),
                Arguments.of(
                        "source an array",
                        "{\"id\":\"x\",\"body\":\"b\",\"source\":[]," + ok + "}",
                        "source",
                        "INVALID_FIELD"),
                Arguments.of(
                        "url too long",
                        "{\"id\":\"x\",\"body\":\"b\",\"url\":\"" + "u".repeat(16385) + "\"," + ok + "}",
                        "url",
                        "INVALID_FIELD"),
                Arguments.of(
                        "language an object",
                        "{\"id\":\"x\",\"body\":\"b\",\"language\":{}," + ok + "}",
                        "language",
                        "INVALID_FIELD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArticles")
    void badArticleIs400NamingTheField(String name, String json, String field, String reason) {
        Response r = as("ingest").contentType("application/json").body(json).post("/articles");
        r.then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].reason", equalTo(reason))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].detail", notNullValue());
        assertThat(r.jsonPath().getString("errors[0].field")).as(name).isEqualTo(field);
    }

    @Test
    void oneBadArticleRefusesTheWholeBatchAndNamesIt() {
        String id = "batch-" + UUID.randomUUID();
        as("ingest")
                .contentType("application/json")
                .body("[" + article(id) + ",{\"id\":\"y\",\"body\":\"b\"}]")
                .post("/articles")
                .then()
                .statusCode(400)
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("publishedAt"));
        // nothing of it was published
        as("reader").get("/articles/" + id).then().statusCode(404);
    }

    @Test
    void ndjsonNamesTheLine() {
        as("ingest")
                .contentType("application/x-ndjson")
                .body(article("n1-" + UUID.randomUUID()) + "\n\n{\"id\": oops}\n")
                .post("/articles")
                .then()
                .statusCode(400)
                .body("errors[0].index", equalTo(2))
                .body("errors[0].reason", equalTo("MALFORMED_JSON"));
    }

    @Test
    void emptyBodyAndWrongMediaType() {
        as("ingest")
                .contentType("application/json")
                .body("")
                .post("/articles")
                .then()
                .statusCode(400);
        as("ingest")
                .contentType("text/plain")
                .body(article("t"))
                .post("/articles")
                .then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void sizeLimitsAre413() {
        // an article body over radar.validation.max-body-bytes
        as("ingest")
                .contentType("application/json")
                .body("{\"id\":\"big\",\"body\":\"" + "a".repeat(786_433)
                        + "\",\"publishedAt\":\"2026-01-02T03:04:05Z\"}")
                .post("/articles")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", equalTo("BODY_TOO_LARGE"));
        // a record over radar.validation.max-record-bytes: quotes double in JSON
        as("ingest")
                .contentType("application/json")
                .body("{\"id\":\"quoted\",\"body\":\"" + "\\\"".repeat(600_000)
                        + "\",\"publishedAt\":\"2026-01-02T03:04:05Z\"}")
                .post("/articles")
                .then()
                .statusCode(413)
                .body("errors[0].reason", equalTo("RECORD_TOO_LARGE"));
        // a request over radar.api.ingest.max-request-bytes
        as("ingest")
                .contentType("application/json")
                .body("[" + ("\"" + "x".repeat(1000) + "\",").repeat(ContractLimitsResource.MAX_REQUEST_BYTES / 1000)
                        + "1]")
                .post("/articles")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("bytes"));
        // more articles than radar.api.ingest.max-articles
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= ContractLimitsResource.MAX_ARTICLES; i++) {
            many.append(i == 0 ? "" : ",").append(article("many-" + i));
        }
        as("ingest")
                .contentType("application/json")
                .body(many.append("]").toString())
                .post("/articles")
                .then()
                .statusCode(413)
                .body("detail", containsString("articles"));
    }

    @Test
    void rateLimitPerClientIs429WithRetryAfter() {
        String token = TestCredentials.tokenFor("burst-" + UUID.randomUUID(), "ingest");
        for (int i = 0; i < ContractLimitsResource.RATE_LIMIT; i++) {
            given().header("Authorization", TestCredentials.bearer(token))
                    .contentType("application/json")
                    .body("[]")
                    .post("/articles")
                    .then()
                    .statusCode(400);
        }
        Response limited = given().header("Authorization", TestCredentials.bearer(token))
                .contentType("application/json")
                .body(article("late"))
                .post("/articles");
        limited.then().statusCode(429).contentType(startsWith("application/problem+json"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        // another client is not limited by this one
        as("ingest")
                .contentType("application/json")
                .body("[]")
                .post("/articles")
                .then()
                .statusCode(400);
    }

    // --- publishing and reading ---------------------------------------------------------------------------

    @Test
    void publishedArticlesAreAcknowledgedThenQueryable() {
        String a = "pub-" + UUID.randomUUID();
        String b = "pub-" + UUID.randomUUID();
        as("ingest")
                .contentType("application/x-ndjson")
                .body(article(a) + "\n" + article(b) + "\n")
                .post("/articles")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("ids", equalTo(List.of(a, b)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> as("reader").get("/articles/" + a).statusCode() == 200);
        as("reader")
                .get("/articles/" + a)
                .then()
                .body("article.id", equalTo(a))
                .body("article.title", equalTo("T " + a))
                .body("versions.size()", equalTo(1))
                .body("fingerprint.tokens", notNullValue())
                .body("servedBy", notNullValue())
                .body("text", equalTo(null));
        as("reader").get("/articles/" + a + "?text=true").then().body("text", containsString("some words"));
        as("reader")
                .get("/articles/" + a + "/rewrites")
                .then()
                .statusCode(200)
                .body("id", equalTo(a))
                .body("rewrote.size()", equalTo(0))
                .body("rewrittenBy.size()", equalTo(0));
        as("reader").get("/articles/no-such/rewrites").then().statusCode(404);
    }

    @Test
    void seedPairPublishedOverHttpIsFoundByTheAlertQueries() {
        String original = SharedData.seedOriginalJson();
        String rewrite = SharedData.seedRewriteJson();
        as("ingest")
                .contentType("application/x-ndjson")
                .body(original + "\n" + rewrite + "\n")
                .post("/articles")
                .then()
                .statusCode(202)
                .body("ids", equalTo(List.of(SharedData.SEED_ORIGINAL_ID, SharedData.SEED_REWRITE_ID)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> as("reader")
                .get("/alerts?kind=SPUN_REWRITE")
                .jsonPath()
                .getList("alerts.article.id")
                .contains(SharedData.SEED_REWRITE_ID));
        as("reader")
                .get("/alerts?kind=SPUN_REWRITE,VERBATIM_COPY&limit=1")
                .then()
                .statusCode(200)
                .body("alerts[0].kind", equalTo("SPUN_REWRITE"))
                .body("limit", equalTo(1))
                .body("offset", equalTo(0));
        as("reader")
                .get("/alerts?kind=PARAPHRASE")
                .then()
                .body("alerts.article.id", org.hamcrest.Matchers.not(hasItem(SharedData.SEED_REWRITE_ID)));
        String source = as("reader").get("/alerts?kind=SPUN_REWRITE").jsonPath().getString("alerts[0].article.source");
        as("reader")
                .queryParam("source", source.toUpperCase())
                .get("/alerts")
                .then()
                .body("alerts.article.id", hasItem(SharedData.SEED_REWRITE_ID));
        as("reader")
                .queryParam("source", "nobody-publishes-this")
                .get("/alerts")
                .then()
                .body("alerts.size()", equalTo(0));
        as("reader")
                .queryParam("since", Instant.now().plusSeconds(3600).toString())
                .get("/alerts")
                .then()
                .body("alerts.size()", equalTo(0));
        as("reader")
                .queryParam("until", Instant.now().plusSeconds(3600).toString())
                .get("/alerts")
                .then()
                .body("alerts.article.id", hasItem(SharedData.SEED_REWRITE_ID));
        as("reader")
                .get("/articles/" + SharedData.SEED_REWRITE_ID + "/rewrites")
                .then()
                .body("rewrote[0].original.id", equalTo(SharedData.SEED_ORIGINAL_ID));
        as("reader")
                .get("/articles/" + SharedData.SEED_ORIGINAL_ID + "/rewrites")
                .then()
                .body("rewrittenBy[0].article.id", equalTo(SharedData.SEED_REWRITE_ID));
    }

    @Test
    void badAlertQueriesAre400NamingTheParameter() {
        for (String q : List.of(
                "kind=NOT_A_KIND",
                "since=yesterday",
                "until=2026-13-01",
                "limit=0",
                "limit=100000",
                "offset=-1",
                "offset=abc")) {
            as("reader")
                    .get("/alerts?" + q)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString(q.substring(0, q.indexOf('='))));
        }
    }
}
