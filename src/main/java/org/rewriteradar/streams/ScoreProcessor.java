package org.rewriteradar.streams;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Keyed by the pair's second id: scores the pair. The earlier-published article is the original (on a
 * tie, the one indexed first); an alert is keyed by the rewrite's id.
 */
final class ScoreProcessor extends ContextualProcessor<String, CandidatePair, String, RewriteAlert> {

    private static final Logger LOG = Logger.getLogger(ScoreProcessor.class);

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
            // an article of the pair left the index (retention) on the way here
            RadarCounters.dropped("score", "article-expired");
            return;
        }
        int order = first.ref().publishedAt().compareTo(second.ref().publishedAt());
        boolean firstIsOriginal = order < 0 || (order == 0 && pair.indexedId().equals(pair.firstId()));
        StoredArticle original = firstIsOriginal ? first : second;
        StoredArticle rewrite = firstIsOriginal ? second : first;
        Optional<Detection> detection;
        try {
            detection = engine.compare(original.fingerprint(), rewrite.fingerprint());
        } catch (RuntimeException e) {
            // an engine defect on one pair must not stop the stream; the pair's alert is lost, and said so
            LOG.errorf(
                    e,
                    "Scoring article %s against %s failed; pair skipped",
                    rewrite.ref().id(),
                    original.ref().id());
            return;
        }
        detection.ifPresent(d -> {
            RewriteAlert alert = Alerts.of(d, rewrite.ref(), original.ref(), Instant.now());
            context().forward(record.withKey(rewrite.ref().id()).withValue(alert));
        });
    }
}
