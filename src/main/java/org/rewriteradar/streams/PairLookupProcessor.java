package org.rewriteradar.streams;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by the indexed article's id: drops pairs already seen (a pair collides in many buckets but is
 * scored once), attaches the indexed article from {@code article-store} and sends the pair on, keyed by
 * the new article's id.
 */
final class PairLookupProcessor extends ContextualProcessor<String, CandidatePair, String, CandidatePair> {

    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;

    @Override
    public void init(ProcessorContext<String, CandidatePair> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        pairs = context.getStateStore(RadarTopology.PAIR_STORE);
    }

    @Override
    public void process(Record<String, CandidatePair> record) {
        CandidatePair pair = record.value();
        String pairKey = pair.indexedId() + '\u0000' + pair.newId();
        if (pairs.get(pairKey) != null) {
            return;
        }
        StoredArticle indexed = articles.get(pair.indexedId());
        if (indexed == null) {
            return;
        }
        pairs.put(pairKey, indexed.ref().publishedAt().toEpochMilli());
        context()
                .forward(record.withKey(pair.newId())
                        .withValue(new CandidatePair(pair.indexedId(), pair.newId(), indexed)));
    }
}
