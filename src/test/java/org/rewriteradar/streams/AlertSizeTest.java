package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.rewriteradar.LargeText;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.MatchedPassage;
import org.rewriteradar.similarity.RewriteKind;

/**
 * What the topology writes for verbatim copies of long articles: the alert carries the first {@code
 * radar.detection.evidence.max-passage-chars} of each text, not both whole texts (1,678,349 bytes at the
 * body limit before), and {@code rewrite-store} keeps an article's record within its byte budget, counting
 * what it drops.
 */
class AlertSizeTest {

    private static final Instant NOW = Instant.parse("2024-03-06T00:00:00Z");

    /** The stated bound of a verbatim copy's alert, with short ids and no optional fields. */
    private static final int SMALL_ALERT = 8_000;

    private static byte[] event(String id, String body, Instant publishedAt) {
        return RadarTopology.ARTICLE_SERDE
                .serializer()
                .serialize("articles", new ArticleEvent(id, null, null, "T", body, publishedAt, null));
    }

    private static int bytes(RewriteAlert alert) {
        return RadarTopology.ALERT_SERDE.serializer().serialize("alerts", alert).length;
    }

    private static int bytes(ArticleRewrites rewrites) {
        return RadarTopology.REWRITES_SERDE.serializer().serialize("changelog", rewrites).length;
    }

    @Test
    void aVerbatimCopyOfAnArticleAtTheBodyLimitGivesAnAlertUnder8000Bytes() {
        try (var radar = new RobustDriver("alert-size-long", Map.of(), NOW)) {
            String body = LargeText.body(radar.config.validation().maxBodyBytes());
            radar.articles.pipeInput(
                    "long".getBytes(StandardCharsets.UTF_8),
                    event("long", body, Instant.parse("2024-03-05T10:00:00Z")));
            radar.articles.pipeInput(
                    "copy".getBytes(StandardCharsets.UTF_8),
                    event("copy", body, Instant.parse("2024-03-05T11:00:00Z")));

            assertThat(radar.deadLetters.isEmpty()).isTrue();
            RewriteAlert alert = radar.alerts.readValue();
            assertThat(radar.alerts.isEmpty()).isTrue();
            assertThat(alert.kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
            System.out.printf(
                    "[alert-size] verbatim copy of a %,d-byte body: alert %,d bytes%n",
                    body.getBytes(StandardCharsets.UTF_8).length, bytes(alert));
            assertThat(bytes(alert)).isLessThan(SMALL_ALERT);
            String text = radar.articleStore().get("long").fingerprint().text();
            assertThat(text).hasSizeGreaterThan(700_000);
            MatchedPassage p = alert.evidence().get(0);
            assertThat(p.truncated()).isTrue();
            assertThat(List.of(p.originalStart(), p.originalEnd(), p.candidateStart(), p.candidateEnd()))
                    .containsExactly(0, text.length(), 0, text.length());
            assertThat(p.originalText()).isEqualTo(text.substring(0, 1000));
            assertThat(p.candidateText()).isEqualTo(p.originalText());

            KeyValueStore<String, ArticleRewrites> rewrites =
                    radar.driver.getKeyValueStore(RadarTopology.REWRITE_STORE);
            assertThat(bytes(rewrites.get("long"))).isLessThan(SMALL_ALERT + 100);
            assertThat(bytes(rewrites.get("copy"))).isLessThan(SMALL_ALERT + 100);
        }
    }

    @Test
    void rewriteStoreKeepsAnArticleWithinItsBytesAndCountsWhatItDrops() {
        // radar.topics.max-message-bytes 40,000: a rewrite-store value may take 10,000 bytes, three or four
        // verbatim-copy alerts of about 2,600 bytes each (two texts cut to 1,000 characters)
        Map<String, String> small = Map.of(
                "radar.validation.max-record-bytes", "20000",
                "radar.validation.dead-letter-keep-bytes", "1000",
                "radar.validation.max-body-bytes", "15000",
                "radar.topics.max-message-bytes", "40000");
        long droppedBefore = RadarCounters.count(RadarCounters.REWRITES_DROPPED, "max-bytes");
        try (var radar = new RobustDriver("alert-size-store", small, NOW)) {
            int budget = RewriteIndexProcessor.maxBytes(radar.config.topics().maxMessageBytes());
            assertThat(budget).isEqualTo(10_000);
            String body = LargeText.body(3_000);
            List<String> ids = List.of("o", "c0", "c1", "c2", "c3", "c4", "c5");
            for (int i = 0; i < ids.size(); i++) {
                radar.articles.pipeInput(
                        ids.get(i).getBytes(StandardCharsets.UTF_8),
                        event(
                                ids.get(i),
                                body,
                                Instant.parse("2024-03-05T10:00:00Z").plusSeconds(60L * i)));
            }

            // every pair of the seven is a verbatim copy, each alert published whole
            List<RewriteAlert> alerts = radar.alerts.readValuesToList();
            assertThat(alerts).hasSize(21).allMatch(a -> a.kind() == RewriteKind.VERBATIM_COPY);
            assertThat(alerts).allSatisfy(a -> assertThat(bytes(a)).isBetween(2_000, 3_500));

            KeyValueStore<String, ArticleRewrites> rewrites =
                    radar.driver.getKeyValueStore(RadarTopology.REWRITE_STORE);
            int kept = 0;
            for (String id : ids) {
                ArticleRewrites r = rewrites.get(id);
                assertThat(bytes(r)).as(id).isLessThanOrEqualTo(budget);
                kept += r.asRewrite().size() + r.asOriginal().size();
            }
            // the original's record: the newest copies, the oldest dropped
            ArticleRewrites original = rewrites.get("o");
            assertThat(original.asOriginal()).hasSizeBetween(2, 4);
            assertThat(original.asOriginal()
                            .get(original.asOriginal().size() - 1)
                            .article()
                            .id())
                    .isEqualTo("c5");
            // each alert is recorded under both its articles; every one not kept was counted
            long dropped = RadarCounters.count(RadarCounters.REWRITES_DROPPED, "max-bytes") - droppedBefore;
            System.out.printf(
                    "[alert-size] 21 alerts of %,d-%,d bytes: rewrite-store of o %,d bytes, %d alerts; dropped %d%n",
                    alerts.stream().mapToInt(AlertSizeTest::bytes).min().orElseThrow(),
                    alerts.stream().mapToInt(AlertSizeTest::bytes).max().orElseThrow(),
                    bytes(original),
                    original.asOriginal().size(),
                    dropped);
            assertThat(dropped).isPositive().isEqualTo(2L * alerts.size() - kept);
        }
    }
}
