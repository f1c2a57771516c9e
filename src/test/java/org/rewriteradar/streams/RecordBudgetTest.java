package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rewriteradar.LargeText;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.Feature;
import org.rewriteradar.similarity.MatchedPassage;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.similarity.StoryCoverage;

/**
 * The size budget behind {@code radar.topics.max-message-bytes}: the largest records the topology writes for
 * an article at the default limits (body at {@code max-body-bytes}, every optional field at {@code
 * max-field-bytes}, the id at {@code max-id-bytes}, the rest of {@code max-record-bytes} taken by headers,
 * which travel with every derived record) are measured with the service's serdes. On real text (the BBC pool
 * concatenated) each must leave four times headroom; on the worst hostile body known (HTML numeric entities
 * that NFKC expands, which the body limit's NFKC check does not see) each must still fit. Alerts no longer
 * grow with the body (their passages are cut to {@code radar.detection.evidence.max-passage-chars}): the
 * largest alert any detection can make and the largest {@code rewrite-store} record (bounded by {@link
 * RewriteIndexProcessor#maxBytes}) are measured apart. And the service passes the budget to the Streams
 * producer, the internal topics and the topics it creates.
 */
class RecordBudgetTest {

    private static final RewriteEngine ENGINE = RobustDriver.ENGINE;

    private final RadarConfig config = TestConfig.radar();
    private final int maxMessage = config.topics().maxMessageBytes();

    @Test
    void theProducerAndTheTopicsAcceptWhatTheServiceWrites() {
        String written = Integer.toString(maxMessage);
        Map<String, String> streams = AppStreamsConfig.streamsSettings();
        assertThat(streams)
                .as("application.properties passes radar.topics.max-message-bytes to Streams")
                .containsEntry(StreamsConfig.producerPrefix("max.request.size"), written)
                .containsEntry(StreamsConfig.topicPrefix("max.message.bytes"), written);
        assertThat(TopicCreator.topicConfigs(config))
                .containsEntry("rewrite-alerts", Map.of("max.message.bytes", written))
                .containsEntry("articles-dlq", Map.of("max.message.bytes", written))
                .containsEntry("articles", Map.of("max.message.bytes", Integer.toString(1_000_000 + 16_384)));
        // a record at the limit, dead-lettered whole with its headers, fits Kafka's default 1 MB limits
        assertThat(config.validation().maxRecordBytes() + IntakeProcessor.RECORD_HEADROOM)
                .isLessThanOrEqualTo(1_048_576);
    }

    @Test
    void anArticleOfRealTextAtTheLimitsFitsWithFourTimesHeadroom() {
        String body = LargeText.body(config.validation().maxBodyBytes());
        Sizes sizes = measure(body);
        System.out.println("[record-budget] real text: " + sizes);
        assertThat(sizes.bodyBytes).isGreaterThan(config.validation().maxBodyBytes() - 200);
        assertThat(sizes.largest()).as("largest derived record").isLessThanOrEqualTo(maxMessage / 4);
        // and the changelog record alone is of the order of Kafka's 1 MB default, so the budget matters
        assertThat(sizes.stored).isGreaterThan(1_048_576 / 2);
    }

    @Test
    void anAlertAndARewriteStoreRecordAreBoundedWhateverTheBody() {
        RadarConfig.Validation v = config.validation();
        String field = "f".repeat(v.maxFieldBytes());
        DetectionSettings.Evidence evidence = ENGINE.settings().evidence();
        // the most evidence a detection carries: every passage, each text at the cap in characters of three
        // UTF-8 bytes (the most a normalised text's character takes in JSON: it holds no control character
        // but the line break, two bytes escaped)
        String text = "\u20AC".repeat(evidence.maxPassageChars());
        List<MatchedPassage> passages = new ArrayList<>();
        for (int i = 0; i < evidence.maxPassages(); i++) {
            passages.add(
                    new MatchedPassage(1_000_000, 2_000_000, 1_000_000, 2_000_000, text, text, 0.123456, false, true));
        }
        Map<String, Double> signals = new TreeMap<>();
        for (Feature f : Feature.ALL) {
            signals.put(f.key(), 0.123456);
        }
        signals.put("score", 0.123456);
        Detection worst = new Detection(RewriteKind.SPUN_REWRITE, 0.123456, signals, passages);
        RewriteAlert alert = null;
        ArticleRewrites unbounded = ArticleRewrites.EMPTY;
        ArticleRewrites bounded = ArticleRewrites.EMPTY;
        int maxPerSide = config.index().maxAlertsPerArticle();
        int budget = RewriteIndexProcessor.maxBytes(maxMessage);
        long droppedOverBytes = 0;
        String id = "a".repeat(v.maxIdBytes());
        for (int i = 0; i < maxPerSide; i++) {
            String other = String.format("%0" + v.maxIdBytes() + "d", i);
            for (boolean asRewrite : new boolean[] {true, false}) {
                ArticleRef article = new ArticleRef(asRewrite ? id : other, 7, field, field, field, Instant.now());
                ArticleRef original = new ArticleRef(asRewrite ? other : id, 7, field, field, field, Instant.now());
                alert = Alerts.of(worst, article, original, Instant.now());
                unbounded =
                        unbounded.with(id, alert, maxPerSide, Integer.MAX_VALUE).rewrites();
                ArticleRewrites.Added added = bounded.with(id, alert, maxPerSide, budget);
                bounded = added.rewrites();
                droppedOverBytes += added.droppedOverBytes();
            }
        }
        int alertBytes = RadarTopology.ALERT_SERDE.serializer().serialize("alerts", alert).length;
        int unboundedBytes = RadarTopology.REWRITES_SERDE.serializer().serialize("changelog", unbounded).length;
        int boundedBytes = RadarTopology.REWRITES_SERDE.serializer().serialize("changelog", bounded).length;
        System.out.printf(
                "[record-budget] largest alert any detection makes (%d passages of %,d three-byte characters a"
                        + " side, fields at their limits) %,d; rewrite-store record of an article named by %d such"
                        + " alerts a side: %,d unbounded, %,d within its budget of %,d (%d + %d alerts kept, %d"
                        + " dropped)%n",
                evidence.maxPassages(),
                evidence.maxPassageChars(),
                alertBytes,
                maxPerSide,
                unboundedBytes,
                boundedBytes,
                budget,
                bounded.asRewrite().size(),
                bounded.asOriginal().size(),
                droppedOverBytes);
        assertThat(alertBytes).as("largest alert").isLessThanOrEqualTo(maxMessage / 16);
        assertThat(budget).isEqualTo(maxMessage / 4);
        assertThat(boundedBytes).as("rewrite-store record").isLessThanOrEqualTo(budget);
        assertThat(boundedBytes).as("fills its budget").isGreaterThan(budget - alertBytes);
        // and without the byte bound, the count alone would not have kept it within the producer's limit
        assertThat(unboundedBytes).isGreaterThan(maxMessage);
        // the alert topics carry the alert with every header of the input record: still four times headroom
        assertThat(alertBytes + 512 + v.maxRecordBytes()).isLessThanOrEqualTo(maxMessage / 4);
    }

    @Test
    void theWorstHostileBodyKnownStillFits() {
        // &#65018; is U+FDFA, 18 characters in NFKC; as entities it passes the NFKC check on the raw body
        StringBuilder html = new StringBuilder("<p>");
        int maxBody = config.validation().maxBodyBytes();
        while (html.length() + "&#65018; </p>".length() <= maxBody) {
            html.append("&#65018; ");
        }
        Sizes sizes = measure(html.append("</p>").toString());
        System.out.println("[record-budget] HTML entities expanding under NFKC: " + sizes);
        assertThat(sizes.largest()).as("largest derived record").isLessThanOrEqualTo(maxMessage);
    }

    private record Sizes(
            int bodyBytes,
            int raw,
            int headers,
            int byId,
            int stored,
            int scoringRequest,
            int alert,
            int rewrites,
            int storyReply,
            int storyRequest) {

        /** The largest derived record with the key and the headers it carries. */
        int largest() {
            return Collections.max(List.of(byId, stored, scoringRequest, alert, rewrites, storyReply, storyRequest))
                    + 512
                    + headers;
        }

        @Override
        public String toString() {
            return String.format(
                    "body %,d, record %,d (headers %,d), articles-by-id %,d, article-store %,d, scoring-requests"
                            + " %,d, alert %,d, rewrite-store %,d, story-replies %,d, story-requests %,d: largest"
                            + " with key and headers %,d",
                    bodyBytes,
                    raw,
                    headers,
                    byId,
                    stored,
                    scoringRequest,
                    alert,
                    rewrites,
                    storyReply,
                    storyRequest,
                    largest());
        }
    }

    /** The records the topology writes for {@code body} at the limits, and for a verbatim copy of it. */
    private Sizes measure(String body) {
        RadarConfig.Validation v = config.validation();
        String id = "i".repeat(v.maxIdBytes());
        String field = "f".repeat(v.maxFieldBytes());
        ArticleEvent event =
                new ArticleEvent(id, field, field, field, body, Instant.parse("2024-03-05T10:00:00Z"), field);
        byte[] raw = RadarTopology.ARTICLE_SERDE.serializer().serialize("articles", event);
        int headers = v.maxRecordBytes() - raw.length - id.length();
        assertThat(headers).as("room left for headers").isPositive();
        ArticleFingerprint fp = ENGINE.fingerprint(id, event.title(), body);
        ArticleRef ref = ArticleRef.of(event, 1);
        int stored =
                BinarySerdes.STORED_ARTICLE.serializer().serialize("changelog", StoredArticle.first(ref, fp)).length;
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < ENGINE.settings().candidates().maxCandidates(); i++) {
            candidates.add(Integer.toString(i).repeat(v.maxIdBytes()).substring(0, v.maxIdBytes()));
        }
        int request = BinarySerdes.SCORING_REQUEST
                .serializer()
                .serialize("scoring-requests", new ScoringRequest(ref, fp, candidates, 64))
                .length;
        // a story reply naming every candidate, each holding every shingle of the article; the story-store
        // gathering of a round holds the same members
        long[] all = new long[StoryCoverage.words(fp.shingles().length)];
        Arrays.fill(all, -1L);
        List<StoryReply.Member> members = new ArrayList<>();
        for (String candidate : candidates) {
            members.add(new StoryReply.Member(candidate, field, fp.shingles().length, all));
        }
        int storyReply = BinarySerdes.STORY_REPLY
                .serializer()
                .serialize("story-replies", new StoryReply(id, 1, 64, false, members))
                .length;
        int storyRequest = BinarySerdes.STORY_REQUEST
                .serializer()
                .serialize("story-requests", new StoryRequest(ref, fp, candidates.get(0), 1.0, candidates.size()))
                .length;
        ArticleRef copyRef = new ArticleRef(
                "c".repeat(v.maxIdBytes()), 1, field, field, field, Instant.parse("2024-03-05T12:00:00Z"));
        RewriteAlert alert =
                Alerts.of(ENGINE.compare(fp, fp.withId(copyRef.id())).orElseThrow(), copyRef, ref, Instant.now());
        int alertBytes = RadarTopology.ALERT_SERDE.serializer().serialize("alerts", alert).length;
        int rewrites = RadarTopology.REWRITES_SERDE
                .serializer()
                .serialize("changelog", new ArticleRewrites(List.of(), List.of(alert)))
                .length;
        return new Sizes(
                body.getBytes(StandardCharsets.UTF_8).length,
                raw.length + id.length() + headers,
                headers,
                raw.length,
                stored,
                request,
                alertBytes,
                rewrites,
                storyReply,
                storyRequest);
    }
}
