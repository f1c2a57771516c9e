package org.rewriteradar.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.model.RewriteAlert;

/**
 * Keyed by an article id named in an alert (as rewrite or as original): records the alert in
 * {@code rewrite-store}, so the rewrites found for an article can be queried where the article lives.
 */
final class RewriteIndexProcessor implements Processor<String, RewriteAlert, Void, Void> {

    private final int maxPerSide;
    private KeyValueStore<String, ArticleRewrites> rewrites;

    RewriteIndexProcessor(int maxPerSide) {
        this.maxPerSide = maxPerSide;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        rewrites = context.getStateStore(RadarTopology.REWRITE_STORE);
    }

    @Override
    public void process(Record<String, RewriteAlert> record) {
        ArticleRewrites current = rewrites.get(record.key());
        rewrites.put(
                record.key(),
                (current == null ? ArticleRewrites.EMPTY : current).with(record.key(), record.value(), maxPerSide));
    }
}
