package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rewriteradar.SharedData;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

class RadarTopologyTest {

    private static final String ARTICLE =
            """
            {"id":"a-1","url":"https://example.org/a-1","source":"Example","title":"Council approves bridge",
             "body":"The city council approved the new bridge on Tuesday after a long debate. Work starts in May and should take two years. The mayor said the bridge would cut travel times for thousands of commuters every day.",
             "publishedAt":"2024-03-05T10:00:00Z","language":"en"}""";

    private static final String ENGINE_DEFECT = "[engine defect]";
    /** Marks a body whose fingerprint gets a sentence term outside its dictionary: scoring it throws. */
    private static final String CORRUPT_SENTENCES = "[corrupt sentences]";

    /** The fingerprint with the last term of its longest sentence pointing far outside the dictionary. */
    private static ArticleFingerprint corruptSentences(ArticleFingerprint fp) {
        int[] offsets = fp.sentenceOffsets();
        int longest = 0;
        for (int s = 1; s < fp.sentences(); s++) {
            if (offsets[s + 1] - offsets[s] > offsets[longest + 1] - offsets[longest]) {
                longest = s;
            }
        }
        int[] terms = fp.sentenceTerms().clone();
        terms[offsets[longest + 1] - 1] = 1_000_000;
        return new ArticleFingerprint(
                fp.id(),
                fp.text(),
                fp.textHash(),
                fp.tokens(),
                fp.contentTerms(),
                fp.shingles(),
                fp.skeleton(),
                terms,
                offsets,
                fp.keys());
    }

    private java.nio.file.Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> articles;
    private TestOutputTopic<String, RewriteAlert> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        stateDir = StateDirs.fresh("radar-topology-test");
        var config = TestConfig.radar(Map.of(
                "radar.validation.max-body-bytes", "4096",
                "radar.index.retention", "P2D",
                "radar.index.sweep-interval", "PT1S"));
        var engine = new RewriteEngine(DetectionSettings.defaults());
        // an engine defect stand-in: bodies carrying the marker make fingerprinting throw
        var topology = RadarTopology.build(config, engine, (id, title, body) -> {
            if (body.contains(ENGINE_DEFECT)) {
                throw new IllegalStateException("simulated engine defect");
            }
            ArticleFingerprint fp = engine.fingerprint(id, title, body);
            if (body.contains(CORRUPT_SENTENCES)) {
                return corruptSentences(fp);
            }
            return fp;
        });
        Properties props = TestConfig.driverProperties("radar-topology-test", stateDir);
        driver = new TopologyTestDriver(topology, props);
        articles = driver.createInputTopic(
                config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(
                config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
        deadLetters = driver.createOutputTopic(
                config.topics().deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        StateDirs.delete(stateDir);
    }

    private void publish(String key, String json) {
        articles.pipeInput(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsValidArticleWithoutAlertOrDeadLetter() {
        publish("a-1", ARTICLE);

        assertThat(alerts.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        var stored = driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE)
                .get("a-1");
        assertThat(stored.ref().version()).isEqualTo(1);
        assertThat(stored.fingerprint().text()).startsWith("The city council approved");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MALFORMED_JSON       | {\"id\":\"x\",\"body\":",
                "MALFORMED_JSON       | [1,2,3]",
                "MISSING_ID           | {\"body\":\"text\",\"publishedAt\":\"2024-03-05T10:00:00Z\"}",
                "MISSING_BODY         | {\"id\":\"x\",\"publishedAt\":\"2024-03-05T10:00:00Z\"}",
                "MISSING_PUBLISHED_AT | {\"id\":\"x\",\"body\":\"text\"}",
                "INVALID_PUBLISHED_AT | {\"id\":\"x\",\"body\":\"text\",\"publishedAt\":\"yesterday\"}",
                "INVALID_FIELD        | {\"id\":\"x\",\"body\":\"text\",\"publishedAt\":\"2024-03-05T10:00:00Z\",\"title\":{}}",
            })
    void sendsInvalidRecordUnchangedToDeadLetterTopicWithReason(String reason, String json) {
        publish("x", json);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(header(dead, "radar.dlq.reason")).isEqualTo(reason);
        assertThat(header(dead, "radar.dlq.message")).isNotBlank();
        assertThat(header(dead, "radar.dlq.topic")).isEqualTo("articles");
        assertThat(header(dead, "radar.dlq.partition")).isEqualTo("0");
        assertThat(header(dead, "radar.dlq.offset")).isEqualTo("0");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void deadLetterHeadersNameTheSourceTopicPartitionAndOffset() {
        publish("a-1", ARTICLE);
        publish("x", "not json");
        publish("y", "{\"id\":\"y\"}");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).headers().toArray())
                .extracting(Header::key)
                .containsExactly(
                        "radar.dlq.reason",
                        "radar.dlq.message",
                        "radar.dlq.stage",
                        "radar.dlq.topic",
                        "radar.dlq.partition",
                        "radar.dlq.offset");
        assertThat(header(dead.get(0), "radar.dlq.reason")).isEqualTo("MALFORMED_JSON");
        assertThat(header(dead.get(0), "radar.dlq.stage")).isEqualTo("intake");
        assertThat(header(dead.get(0), "radar.dlq.topic")).isEqualTo("articles");
        assertThat(header(dead.get(0), "radar.dlq.partition")).isEqualTo("0");
        assertThat(header(dead.get(0), "radar.dlq.offset")).isEqualTo("1");
        assertThat(header(dead.get(1), "radar.dlq.reason")).isEqualTo("MISSING_BODY");
        assertThat(header(dead.get(1), "radar.dlq.topic")).isEqualTo("articles");
        assertThat(header(dead.get(1), "radar.dlq.partition")).isEqualTo("0");
        assertThat(header(dead.get(1), "radar.dlq.offset")).isEqualTo("2");
    }

    @Test
    void countsEveryRecordReadFromArticlesValidOrNot() {
        long before = RadarCounters.count(RadarCounters.ARTICLES_IN);

        publish("a-1", ARTICLE);
        publish("a-2", "{not json");

        assertThat(RadarCounters.count(RadarCounters.ARTICLES_IN) - before).isEqualTo(2);
    }

    @Test
    void sendsOversizedBodyToDeadLetterTopic() {
        String json = ARTICLE.replace("The city council", "x".repeat(5000));
        publish("a-1", json);

        assertThat(header(deadLetters.readRecord(), "radar.dlq.reason")).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void sendsRecordWithoutValueToDeadLetterTopic() {
        articles.pipeInput("a-1".getBytes(StandardCharsets.UTF_8), (byte[]) null);

        assertThat(header(deadLetters.readRecord(), "radar.dlq.reason")).isEqualTo("EMPTY_RECORD");
    }

    @Test
    void deadLettersHtmlBodyWithNoTextAndStoresNothing() {
        String htmlOnly = ARTICLE.replace("\"a-1\"", "\"h-1\"")
                .replaceFirst(
                        "\"body\":\"[^\"]*\"",
                        "\"body\":\"<html><head><script>var x=1;</script></head><body><nav></nav></body></html>\"");
        publish("h-1", htmlOnly);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("h-1");
        assertThat(header(dead, "radar.dlq.reason")).isEqualTo("NO_TEXT");
        assertThat(header(dead, "radar.dlq.stage")).isEqualTo(VersionProcessor.STAGE);
        assertThat(driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE)
                        .get("h-1"))
                .isNull();
    }

    @Test
    void deadLettersAnArticleTheEngineFailsOnAndKeepsProcessing() {
        String poison =
                ARTICLE.replace("\"a-1\"", "\"p-1\"").replace("The city council", ENGINE_DEFECT + " The city council");
        publish("p-1", poison);
        publish("a-1", ARTICLE);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("p-1");
        assertThat(header(dead, "radar.dlq.reason")).isEqualTo("UNPROCESSABLE");
        assertThat(header(dead, "radar.dlq.message")).contains("simulated engine defect");
        // README: the source headers are not on UNPROCESSABLE (the record holds the parsed event)
        assertThat(header(dead, "radar.dlq.topic")).isNull();
        assertThat(header(dead, "radar.dlq.partition")).isNull();
        assertThat(header(dead, "radar.dlq.offset")).isNull();
        assertThat(RadarTopology.ARTICLE_SERDE
                        .deserializer()
                        .deserialize("articles-dlq", dead.value())
                        .body())
                .startsWith(ENGINE_DEFECT);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
        var store = driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE);
        assertThat(store.get("p-1")).isNull();
        assertThat(store.get("a-1")).isNotNull();
    }

    @Test
    void skipsAPairTheEngineFailsToScoreAndKeepsProcessing() {
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
        publish(
                SharedData.SEED_REWRITE_ID,
                SharedData.seedRewriteJson().replace("\"body\": \"", "\"body\": \"" + CORRUPT_SENTENCES + " "));
        publish("a-1", ARTICLE);

        assertThat(alerts.isEmpty()).isTrue();
        var store = driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE);
        assertThat(store.get(SharedData.SEED_REWRITE_ID).fingerprint().text()).startsWith(CORRUPT_SENTENCES);
        assertThat(store.get("a-1")).isNotNull();
    }

    @Test
    void keepsProcessingAfterBadInput() {
        publish("x", "not json");
        publish("a-1", ARTICLE);

        assertThat(deadLetters.getQueueSize()).isEqualTo(1);
        assertThat(driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE)
                        .get("a-1"))
                .isNotNull();
    }

    @Test
    void flagsSeedRewriteOfEarlierArticle() {
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
        publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());

        List<RewriteAlert> found = alerts.readValuesToList();
        assertThat(found).hasSize(1);
        RewriteAlert alert = found.get(0);
        assertThat(alert.article().id()).isEqualTo(SharedData.SEED_REWRITE_ID);
        assertThat(alert.original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
        System.out.printf("seed pair: kind %s, score %.3f, signals %s%n", alert.kind(), alert.score(), alert.signals());
        // README's example alert: SPUN_REWRITE at 0.68, with the shared quotation as evidence
        assertThat(alert.kind()).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(alert.score()).isBetween(SEED_SCORE_FLOOR, 1.0);
        assertThat(alert.evidence()).anySatisfy(p -> {
            assertThat(p.quote()).isTrue();
            assertThat(p.similarity()).isEqualTo(1.0);
            assertThat(p.originalText()).isEqualTo(SEED_QUOTE);
            assertThat(p.candidateText()).startsWith(SEED_QUOTE);
        });
    }

    /** The quotation both seed articles carry verbatim (README's example alert). */
    private static final String SEED_QUOTE = "There is no positive reaction on the main issue in this document";

    /** A little below the seed pair's score (0.707 when pinned; README shows 0.68), so a weaker detection fails. */
    private static final double SEED_SCORE_FLOOR = 0.65;

    @Test
    void namesEarlierPublishedArticleAsOriginalWhateverArrivesFirst() {
        publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());

        List<TestRecord<String, RewriteAlert>> found = alerts.readRecordsToList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).key()).isEqualTo(SharedData.SEED_REWRITE_ID);
        assertThat(found.get(0).value().original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
    }

    @Test
    void alertsEveryCopyOfAStoryCopiedMoreOftenThanABucketHolds() {
        int capacity = DetectionSettings.defaults().candidates().indexBucketCapacity();
        int copies = capacity + 8;
        for (int i = 0; i <= copies; i++) {
            String id = i == 0 ? "wire-1" : "copy-" + i;
            publish(
                    id,
                    ARTICLE.replace("\"a-1\"", "\"" + id + "\"")
                            .replace("T10:00:00Z", String.format("T10:%02d:00Z", i % 60)));
        }

        // every copy is alerted as a copy of earlier ones; once its buckets are full (capacity members), a copy
        // meets their newest members only, so it is alerted against the copies just before it
        int newest = DetectionSettings.defaults().candidates().fullBucketMembers();
        Map<String, List<RewriteAlert>> byCopy = new java.util.HashMap<>();
        alerts.readRecordsToList().forEach(r -> byCopy.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(r.value()));
        assertThat(byCopy).hasSize(copies);
        for (int i = 1; i <= copies; i++) {
            List<RewriteAlert> found = byCopy.get("copy-" + i);
            assertThat(found).isNotEmpty().allSatisfy(a -> {
                assertThat(a.kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
                assertThat(a.original().publishedAt()).isBefore(a.article().publishedAt());
            });
            if (i > capacity) {
                List<String> justBefore = java.util.stream.IntStream.range(i - newest, i)
                        .mapToObj(k -> "copy-" + k)
                        .toList();
                assertThat(found).extracting(a -> a.original().id()).containsExactlyInAnyOrderElementsOf(justBefore);
            }
        }
    }

    @Test
    void ignoresIdenticalResend() {
        publish("a-1", ARTICLE);
        publish("a-1", ARTICLE);

        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE)
                        .get("a-1")
                        .versions())
                .hasSize(1);
    }

    @Test
    void flagsSilentRevisionOfPublishedArticle() {
        publish("a-1", ARTICLE);
        publish("a-1", ARTICLE.replace("Work starts in May", "Work starts in September"));

        List<TestRecord<String, RewriteAlert>> found = alerts.readRecordsToList();
        assertThat(found).hasSize(1);
        RewriteAlert alert = found.get(0).value();
        assertThat(alert.kind()).isEqualTo(RewriteKind.REVISED);
        assertThat(alert.article().version()).isEqualTo(2);
        assertThat(alert.original().version()).isEqualTo(1);
        assertThat(alert.original().id()).isEqualTo("a-1");
    }

    /**
     * Issue 16: a story re-sent three times more under its id (Reuters' re-transmission chains, e.g.
     * pool-reuters-13473 and its four successors) is one alert per version, each against the version before
     * it. The same text sent under another id, never published before, is a new article: a rewrite of the
     * story's latest version, not a revision (what {@code stream_eval.py}'s one-hop id mapping publishes for
     * the third version of a chain).
     */
    @Test
    void flagsEveryRevisionOfAChainAgainstTheVersionBeforeIt() {
        String v2 = ARTICLE.replace("Work starts in May", "Work starts in September")
                .replace("2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z");
        String v3 = v2.replace("two years", "three years").replace("2024-03-05T11:00:00Z", "2024-03-06T09:00:00Z");
        String v4 = v3.replace("thousands of commuters", "tens of thousands of commuters")
                .replace("2024-03-06T09:00:00Z", "2024-03-06T12:00:00Z");
        publish("a-1", ARTICLE);
        publish("a-1", v2);
        publish("a-1", v3);
        publish("a-1", v4);

        assertThat(alerts.readValuesToList())
                .extracting(a -> a.kind() + " " + a.original().id() + " v"
                        + a.original().version() + " -> " + a.article().id() + " v"
                        + a.article().version() + " " + a.article().publishedAt())
                .containsExactly(
                        "REVISED a-1 v1 -> a-1 v2 2024-03-05T11:00:00Z",
                        "REVISED a-1 v2 -> a-1 v3 2024-03-06T09:00:00Z",
                        "REVISED a-1 v3 -> a-1 v4 2024-03-06T12:00:00Z");

        String underOtherId = v4.replace("\"a-1\"", "\"a-2\"").replace("2024-03-06T12:00:00Z", "2024-03-06T13:00:00Z");
        publish("a-2", underOtherId);
        List<RewriteAlert> asNewArticle = alerts.readValuesToList();
        assertThat(asNewArticle).isNotEmpty().allSatisfy(a -> {
            assertThat(a.kind()).isNotEqualTo(RewriteKind.REVISED);
            assertThat(a.article().id()).isEqualTo("a-2");
            assertThat(a.article().version()).isEqualTo(1);
            assertThat(a.original().id()).isEqualTo("a-1");
            assertThat(a.original().version()).isEqualTo(4);
        });
    }

    @Test
    void doesNotAlertOnUnrelatedArticles() {
        publish("a-1", ARTICLE);
        publish(
                "b-1",
                """
                {"id":"b-1","body":"Heavy rain flooded several roads in the north of the county overnight. Police asked drivers to avoid the valley road until the water recedes.","publishedAt":"2024-03-05T11:00:00Z"}""");

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void recordsAlertUnderBothArticlesForQueries() {
        publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
        publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());

        var store = driver.<String, ArticleRewrites>getKeyValueStore(RadarTopology.REWRITE_STORE);
        ArticleRewrites ofRewrite = store.get(SharedData.SEED_REWRITE_ID);
        ArticleRewrites ofOriginal = store.get(SharedData.SEED_ORIGINAL_ID);
        assertThat(ofRewrite.asRewrite()).hasSize(1);
        assertThat(ofRewrite.asOriginal()).isEmpty();
        assertThat(ofOriginal.asOriginal()).hasSize(1);
        assertThat(ofOriginal.asOriginal().get(0).alertId())
                .isEqualTo(ofRewrite.asRewrite().get(0).alertId());
    }

    @Test
    void forgetsArticlesStoredLongerThanRetentionAgoOnTheWallClock() {
        publish("a-1", ARTICLE);
        driver.advanceWallClockTime(java.time.Duration.ofDays(2).plusSeconds(30));
        publish(
                "b-1",
                """
                {"id":"b-1","body":"Heavy rain flooded several roads in the north of the county overnight. Police asked drivers to avoid the valley road until the water recedes.","publishedAt":"2024-03-08T11:00:00Z"}""");
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));

        var articles = driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE);
        assertThat(articles.get("a-1")).isNull();
        assertThat(articles.get("b-1")).isNotNull();
        try (var buckets = driver.<org.apache.kafka.common.utils.Bytes, byte[]>getKeyValueStore(
                        RadarTopology.BUCKET_STORE)
                .all()) {
            assertThat(buckets.hasNext()).isTrue();
            buckets.forEachRemaining(b -> assertThat(BinarySerdes.BUCKET_MEMBER
                            .deserializer()
                            .deserialize(null, b.value)
                            .articleId())
                    .isNotEqualTo("a-1"));
        }

        publish("a-2", ARTICLE.replace("\"a-1\"", "\"a-2\"").replace("2024-03-05T10:00:00Z", "2024-03-08T12:00:00Z"));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void sweepsPairsAndRewritesOfExpiredArticlesToo() {
        publish("a-1", ARTICLE);
        publish("a-2", ARTICLE.replace("\"a-1\"", "\"a-2\""));
        assertThat(alerts.readValuesToList())
                .extracting(a -> a.original().id() + " <- " + a.article().id())
                .containsExactly("a-1 <- a-2");
        var pairs = driver.<String, Long>getKeyValueStore(RadarTopology.PAIR_STORE);
        var rewrites = driver.<String, ArticleRewrites>getKeyValueStore(RadarTopology.REWRITE_STORE);
        String sent = PairMarks.key("a-2", "a-1");
        String scored = PairMarks.key("a-1", "a-2");
        // before the sweep: the pair is remembered on both sides and the alert is indexed under both articles
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));
        assertThat(pairs.get(sent)).isEqualTo(PairMarks.SENT);
        assertThat(pairs.get(scored)).isEqualTo(PairMarks.SCORED);
        assertThat(rewrites.get("a-1")).isNotNull();
        assertThat(rewrites.get("a-2")).isNotNull();

        // more than two days later on the wall clock (retention P2D) both leave every store the README names
        driver.advanceWallClockTime(java.time.Duration.ofDays(2).plusSeconds(30));
        publish(
                "b-1",
                """
                {"id":"b-1","body":"Heavy rain flooded several roads in the north of the county overnight. Police asked drivers to avoid the valley road until the water recedes.","publishedAt":"2024-03-08T11:00:00Z"}""");
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));

        var articles = driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE);
        assertThat(articles.get("a-1")).isNull();
        assertThat(articles.get("a-2")).isNull();
        assertThat(pairs.get(sent)).isNull();
        assertThat(pairs.get(scored)).isNull();
        assertThat(keys(pairs)).isEmpty();
        assertThat(rewrites.get("a-1")).isNull();
        assertThat(rewrites.get("a-2")).isNull();
        assertThat(keys(rewrites)).isEmpty();
        assertThat(articles.get("b-1")).isNotNull();
    }

    private static <V> List<String> keys(org.apache.kafka.streams.state.KeyValueStore<String, V> store) {
        List<String> out = new java.util.ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    @Test
    void keepsArticlesWithinRetention() {
        publish("a-1", ARTICLE);
        publish("a-2", ARTICLE.replace("\"a-1\"", "\"a-2\"").replace("2024-03-05T10:00:00Z", "2024-03-06T12:00:00Z"));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));

        List<RewriteAlert> found = alerts.readValuesToList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
        assertThat(found.get(0).original().id()).isEqualTo("a-1");
        assertThat(driver.<String, StoredArticle>getKeyValueStore(RadarTopology.ARTICLE_STORE)
                        .get("a-1"))
                .isNotNull();
    }

    /** Not the one seen first, which would make a replay name other originals than the live stream did. */
    @Test
    void takesTheSmallerIdAsOriginalWhenPublishedAtTheSameTime() {
        String sameTime = ARTICLE.replace("\"a-1\"", "\"a-0\"");
        publish("a-1", ARTICLE);
        publish("a-0", sameTime);

        List<RewriteAlert> found = alerts.readValuesToList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).original().id()).isEqualTo("a-0");
        assertThat(found.get(0).article().id()).isEqualTo("a-1");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
