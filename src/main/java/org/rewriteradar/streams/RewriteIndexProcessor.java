package org.rewriteradar.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.model.RewriteAlert;

/**
 * Keyed by an article id named in an alert (as rewrite or as original): records the alert in
 * {@code rewrite-store}, so the rewrites found for an article can be queried where the article lives. The
 * record of an article keeps at most {@code maxPerSide} alerts per side and {@code maxBytes} bytes of JSON
 * ({@link ArticleRewrites#with}); the older alerts it lets go are counted ({@link
 * RadarCounters#REWRITES_DROPPED}).
 */
final class RewriteIndexProcessor implements Processor<String, RewriteAlert, Void, Void> {

    /**
     * The share of {@code radar.topics.max-message-bytes} a {@code rewrite-store} value may take: a quarter
     * (2 MiB of 8 MiB), leaving the rest of the producer's limit to the key and to headers (up to {@code
     * radar.validation.max-record-bytes} travel with a derived record), as the other records' budget does.
     */
    static final int MESSAGE_SHARE = 4;

    private final int maxPerSide;
    private final int maxBytes;
    private KeyValueStore<String, ArticleRewrites> rewrites;

    RewriteIndexProcessor(int maxPerSide, int maxBytes) {
        this.maxPerSide = maxPerSide;
        this.maxBytes = maxBytes;
    }

    /** The byte budget of a {@code rewrite-store} value under this {@code radar.topics.max-message-bytes}. */
    static int maxBytes(int maxMessageBytes) {
        return maxMessageBytes / MESSAGE_SHARE;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        rewrites = context.getStateStore(RadarTopology.REWRITE_STORE);
    }

    @Override
    public void process(Record<String, RewriteAlert> record) {
        ArticleRewrites current = rewrites.get(record.key());
        ArticleRewrites.Added added = (current == null ? ArticleRewrites.EMPTY : current)
                .with(record.key(), record.value(), maxPerSide, maxBytes);
        RadarCounters.rewritesDropped("max-alerts", added.droppedOverCount());
        RadarCounters.rewritesDropped("max-bytes", added.droppedOverBytes());
        rewrites.put(record.key(), added.rewrites());
    }
}
