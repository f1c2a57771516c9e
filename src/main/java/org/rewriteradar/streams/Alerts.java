package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.Detection;

/** Builds alerts from engine detections. */
final class Alerts {

    private Alerts() {}

    static RewriteAlert of(Detection detection, ArticleRef article, ArticleRef original, Instant detectedAt) {
        String identity = detection.kind() + "|" + original.id() + "@" + original.version() + "|" + article.id() + "@"
                + article.version();
        String alertId = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
                .toString();
        return new RewriteAlert(
                alertId,
                detection.kind(),
                detection.score(),
                article,
                original,
                detection.signals(),
                detection.evidence(),
                detectedAt);
    }
}
