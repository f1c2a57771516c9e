package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The size budget behind {@code radar.topics.max-message-bytes}: the largest records the topology writes for
 * an article at the default limits (body at {@code max-body-bytes}, every optional field at {@code
 * max-field-bytes}, the id at {@code max-id-bytes}, the rest of {@code max-record-bytes} taken by headers,
 * which travel with every derived record) are measured with the service's serdes. On real text (the BBC pool
 * concatenated) each must leave four times headroom; on the worst hostile body known (HTML numeric entities
 * that NFKC expands, which the body limit's NFKC check does not see) each must still fit. And the service
 * passes the budget to the Streams producer, the internal topics and the topics it creates.
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
        // and the changelog record alone is over Kafka's default, so the budget matters
        assertThat(sizes.stored).isGreaterThan(1_048_576);
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
            int bodyBytes, int raw, int headers, int byId, int stored, int scoringRequest, int alert, int rewrites) {

        /** The largest derived record with the key and the headers it carries. */
        int largest() {
            return Collections.max(List.of(byId, stored, scoringRequest, alert, rewrites)) + 512 + headers;
        }

        @Override
        public String toString() {
            return String.format(
                    "body %,d, record %,d (headers %,d), articles-by-id %,d, article-store %,d, scoring-requests"
                            + " %,d, alert %,d, rewrite-store %,d: largest with key and headers %,d",
                    bodyBytes, raw, headers, byId, stored, scoringRequest, alert, rewrites, largest());
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
                .serialize("scoring-requests", new ScoringRequest(ref, fp, candidates))
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
                rewrites);
    }
}
