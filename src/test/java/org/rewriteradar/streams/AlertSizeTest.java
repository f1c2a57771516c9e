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
 * body limit before).
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
}
