package org.rewriteradar.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Keyed by the pair's second id: scores the pair. The earlier-published article is the original (on a
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
        StoredArticle second = articles.get(pair.secondId());
        StoredArticle first = pair.first();
        if (second == null || first == null) {
            return;
        }
        int order = first.ref().publishedAt().compareTo(second.ref().publishedAt());
        boolean firstIsOriginal = order < 0 || (order == 0 && pair.indexedId().equals(pair.firstId()));
        StoredArticle original = firstIsOriginal ? first : second;
        StoredArticle rewrite = firstIsOriginal ? second : first;
        engine.compare(original.fingerprint(), rewrite.fingerprint()).ifPresent(detection -> {
            RewriteAlert alert = Alerts.of(detection, rewrite.ref(), original.ref(), Instant.now());
            context().forward(record.withKey(rewrite.ref().id()).withValue(alert));
        });
    }
}
