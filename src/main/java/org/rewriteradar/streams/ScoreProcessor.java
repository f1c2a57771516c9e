package org.rewriteradar.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Keyed by the new article's id: scores the pair. The earlier-published article is the original (on a
 * tie, the one indexed first); an alert is keyed by the rewrite's id.
 */
final class ScoreProcessor extends ContextualProcessor<String, CandidatePair, String, RewriteAlert> {

    private final RewriteEngine engine;
    private KeyValueStore<String, StoredArticle> articles;

    ScoreProcessor(RewriteEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(ProcessorContext<String, RewriteAlert> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
    }

    @Override
    public void process(Record<String, CandidatePair> record) {
        CandidatePair pair = record.value();
        StoredArticle fresh = articles.get(pair.newId());
        if (fresh == null || pair.indexed() == null) {
            return;
        }
        StoredArticle indexed = pair.indexed();
        boolean freshIsLater = !fresh.ref().publishedAt().isBefore(indexed.ref().publishedAt());
        StoredArticle original = freshIsLater ? indexed : fresh;
        StoredArticle rewrite = freshIsLater ? fresh : indexed;
        engine.compare(original.fingerprint(), rewrite.fingerprint()).ifPresent(detection -> {
            RewriteAlert alert = Alerts.of(detection, rewrite.ref(), original.ref(), Instant.now());
            context().forward(record.withKey(rewrite.ref().id()).withValue(alert));
        });
    }
}
