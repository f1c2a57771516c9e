package org.rewriteradar.streams;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by the pair's first id: drops pairs already seen (a pair collides in many buckets, possibly in
 * both arrival orders, but is scored once), attaches the first article from {@code article-store} and
 * sends the pair on, keyed by the second id. A pair whose first article has meanwhile left the index
 * (retention) is counted ({@link RadarCounters#DROPPED}) and goes no further.
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
        String pairKey = pair.storeKey();
        if (pairs.get(pairKey) != null) {
            return; // scored already: a pair is alerted once
        }
        StoredArticle first = articles.get(pair.firstId());
        if (first == null) {
            // it left the index (retention) between its bucket reply and this lookup
            RadarCounters.dropped("lookup", "article-expired");
            return;
        }
        pairs.put(pairKey, EventTime.millis(first.ref().publishedAt()));
        context().forward(record.withKey(pair.secondId()).withValue(pair.withFirst(first)));
    }
}
