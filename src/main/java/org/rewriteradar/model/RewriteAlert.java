package org.rewriteradar.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rewriteradar.similarity.MatchedPassage;
import org.rewriteradar.similarity.RewriteKind;

/**
 * An alert on the {@code rewrite-alerts} topic (key: {@code article.id}, the rewrite's id).
 *
 * @param alertId stable id of this alert: the same pair and kind always get the same id
 * @param kind what kind of rewriting was found
 * @param score calibrated confidence in [0,1]
 * @param article the new article (the rewrite, or the new version for {@link RewriteKind#REVISED})
 * @param original the earlier article it rewrites (the previous version for {@code REVISED})
 * @param signals the individual measurements behind the score
 * @param evidence matched passages; offsets point into each article's normalised text
 * @param detectedAt wall-clock time the alert was produced
 */
public record RewriteAlert(
        String alertId,
        RewriteKind kind,
        double score,
        ArticleRef article,
        ArticleRef original,
        Map<String, Double> signals,
        List<MatchedPassage> evidence,
        Instant detectedAt) {}
