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
 * On the partition of a story's best version: reads that version from {@code article-store} and builds the
 * story alert of a {@link StoryRequest} ({@link RewriteEngine#explainStory}: the pair's evidence, the
 * story's share and versions in its signals), keyed by the rewrite's id.
 */
final class StoryAlerter extends ContextualProcessor<String, StoryRequest, String, RewriteAlert> {

    private static final Logger LOG = Logger.getLogger(StoryAlerter.class);

    private final RewriteEngine engine;
    private KeyValueStore<String, StoredArticle> articles;

    StoryAlerter(RewriteEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(ProcessorContext<String, RewriteAlert> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
    }

    @Override
    public void process(Record<String, StoryRequest> record) {
        StoryRequest request = record.value();
        StoredArticle original = articles.get(request.original());
        if (original == null) {
            RadarCounters.dropped("stories", "article-expired");
            return;
        }
        Optional<Detection> detection;
        try {
            detection = engine.explainStory(
                    original.fingerprint(), request.fingerprint(), request.share(), request.versions());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Explaining story alert of %s on %s failed; alert skipped",
                    request.rewrite().id(),
                    original.ref().id());
            RadarCounters.dropped("stories", "engine-failed");
            return;
        }
        detection.ifPresent(d -> context()
                .forward(record.withKey(request.rewrite().id())
                        .withValue(Alerts.of(d, request.rewrite(), original.ref(), Instant.now()))));
    }
}
