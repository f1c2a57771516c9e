package org.rewriteradar.streams;

import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by the joining article's id: gathers the replies of all the buckets an article version joined
 * and, once all have answered, sends on only its best candidates: the articles sharing the most buckets
 * with it (at least {@code minShared}), at most {@code maxCandidates}, each as a canonically named pair.
 * A bucket shared by thousands of articles thus costs a few counts, not thousands of comparisons.
 */
final class CandidateCollector extends ContextualProcessor<String, BucketReply, String, CandidatePair> {

    private final int maxCandidates;
    private final int minShared;
    private KeyValueStore<String, Candidates> gathering;

    CandidateCollector(int maxCandidates, int minShared) {
        this.maxCandidates = maxCandidates;
        this.minShared = minShared;
    }

    @Override
    public void init(ProcessorContext<String, CandidatePair> context) {
        super.init(context);
        gathering = context.getStateStore(RadarTopology.CANDIDATE_STORE);
    }

    @Override
    public void process(Record<String, BucketReply> record) {
        BucketReply reply = record.value();
        Candidates current = gathering.get(record.key());
        if (current == null || current.version() < reply.version()) {
            current = Candidates.start(reply);
        } else if (current.version() > reply.version()) {
            return;
        }
        Candidates next = current.plus(reply);
        if (!next.complete()) {
            gathering.put(record.key(), next);
            return;
        }
        gathering.delete(record.key());
        next.shared().entrySet().stream()
                .filter(e -> e.getValue() >= minShared)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxCandidates)
                .forEach(e -> {
                    CandidatePair pair = CandidatePair.of(e.getKey(), reply.articleId());
                    context().forward(record.withKey(pair.firstId()).withValue(pair));
                });
    }
}
