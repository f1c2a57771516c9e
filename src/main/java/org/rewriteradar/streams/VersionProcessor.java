package org.rewriteradar.streams;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Keyed by article id: fingerprints each article and keeps its versions in {@code article-store}. A new
 * id goes on to be indexed; a changed text under a known id is a revision (a {@code REVISED} alert when
 * the engine finds the change large enough) and is re-indexed; an identical re-send stops here.
 */
final class VersionProcessor extends ContextualProcessor<String, ArticleEvent, String, VersionProcessor.Update> {

    /**
     * What happened to an article.
     *
     * @param article the stored article after this event
     * @param revision a {@code REVISED} alert, or {@code null}
     */
    record Update(StoredArticle article, RewriteAlert revision) {}

    private final RewriteEngine engine;
    private KeyValueStore<String, StoredArticle> articles;

    VersionProcessor(RewriteEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(ProcessorContext<String, Update> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        ArticleEvent event = record.value();
        ArticleFingerprint fingerprint = engine.fingerprint(event.id(), event.title(), event.body());
        StoredArticle previous = articles.get(event.id());
        if (previous == null) {
            StoredArticle stored = StoredArticle.first(ArticleRef.of(event, 1), fingerprint);
            articles.put(event.id(), stored);
            context().forward(record.withValue(new Update(stored, null)));
            return;
        }
        if (previous.fingerprint().textHash() == fingerprint.textHash()) {
            return;
        }
        ArticleRef next = ArticleRef.of(event, previous.ref().version() + 1);
        StoredArticle stored = previous.revise(next, fingerprint);
        articles.put(event.id(), stored);
        Optional<Detection> change = engine.compareVersions(previous.fingerprint(), fingerprint);
        RewriteAlert alert = change.map(d -> Alerts.of(d, next, previous.ref(), Instant.now()))
                .orElse(null);
        context().forward(record.withValue(new Update(stored, alert)));
    }
}
