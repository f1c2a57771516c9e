package org.rewriteradar.streams;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by LSH band key: each article joining a bucket is paired with the bucket's current members
 * (keyed by the member's id, so the pair travels to the partition that stores that member), then
 * joins the bucket. Buckets are bounded: the oldest member leaves a full bucket.
 */
final class BucketProcessor extends ContextualProcessor<Long, BandEntry, String, CandidatePair> {

    private final int maxBucketSize;
    private KeyValueStore<Long, Bucket> buckets;

    BucketProcessor(int maxBucketSize) {
        this.maxBucketSize = maxBucketSize;
    }

    @Override
    public void init(ProcessorContext<String, CandidatePair> context) {
        super.init(context);
        buckets = context.getStateStore(RadarTopology.BUCKET_STORE);
    }

    @Override
    public void process(Record<Long, BandEntry> record) {
        BandEntry entry = record.value();
        Bucket bucket = buckets.get(record.key());
        if (bucket == null) {
            bucket = Bucket.EMPTY;
        }
        for (BandEntry member : bucket.members()) {
            if (!member.articleId().equals(entry.articleId())) {
                context()
                        .forward(record.withKey(member.articleId())
                                .withValue(new CandidatePair(member.articleId(), entry.articleId(), null)));
            }
        }
        buckets.put(record.key(), bucket.with(entry, maxBucketSize));
    }
}
