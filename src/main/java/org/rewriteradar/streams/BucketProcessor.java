package org.rewriteradar.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by LSH band key: each article joining a bucket gets the bucket's current members as a reply
 * (keyed by the article's id, where all its buckets' replies are gathered), then joins the bucket. Buckets are bounded (the oldest member leaves a full bucket) and members older than
 * the retention window, in event time, leave on their own.
 */
final class BucketProcessor extends ContextualProcessor<Long, BandEntry, String, BucketReply> {

    private final int maxBucketSize;
    private final Duration retention;
    private final Duration sweepInterval;
    private final Duration maxFutureSkew;
    private KeyValueStore<Long, Bucket> buckets;
    private ExpiryIndex expiry;

    /** @param maxFutureSkew how far stream time may run ahead of the wall clock */
    BucketProcessor(int maxBucketSize, Duration retention, Duration sweepInterval, Duration maxFutureSkew) {
        this.maxBucketSize = maxBucketSize;
        this.retention = retention;
        this.sweepInterval = sweepInterval;
        this.maxFutureSkew = maxFutureSkew;
    }

    @Override
    public void init(ProcessorContext<String, BucketReply> context) {
        super.init(context);
        buckets = context.getStateStore(RadarTopology.BUCKET_STORE);
        KeyValueStore<String, Long> expiryStore = context.getStateStore(RadarTopology.BUCKET_EXPIRY_STORE);
        expiry = new ExpiryIndex(expiryStore, () -> EventTime.plus(context.currentSystemTimeMs(), maxFutureSkew));
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    @Override
    public void process(Record<Long, BandEntry> record) {
        BandEntry entry = record.value();
        expiry.observe(entry.publishedAtMillis());
        long cutoff = cutoff();
        Bucket stored = buckets.get(record.key());
        Bucket bucket = stored == null ? Bucket.EMPTY : stored.withoutOlderThan(cutoff);
        List<String> others = new ArrayList<>(bucket.members().size());
        for (BandEntry member : bucket.members()) {
            if (!member.articleId().equals(entry.articleId())) {
                others.add(member.articleId());
            }
        }
        context()
                .forward(record.withKey(entry.articleId())
                        .withValue(new BucketReply(entry.articleId(), entry.version(), entry.keys(), others)));
        Bucket next = bucket.with(entry, maxBucketSize);
        buckets.put(record.key(), next);
        reindex(record.key(), stored, next);
    }

    private void sweep() {
        long cutoff = cutoff();
        if (cutoff == Long.MIN_VALUE) {
            return;
        }
        for (String band : expiry.removeOlderThan(cutoff)) {
            long key = Long.parseLong(band);
            Bucket stored = buckets.get(key);
            if (stored == null) {
                continue;
            }
            Bucket kept = stored.withoutOlderThan(cutoff);
            if (kept.members().isEmpty()) {
                buckets.delete(key);
            } else {
                buckets.put(key, kept);
                expiry.add(kept.oldestMillis(), band);
            }
        }
    }

    private void reindex(long band, Bucket before, Bucket after) {
        long oldest = after.oldestMillis();
        if (before != null && !before.members().isEmpty()) {
            long previous = before.oldestMillis();
            if (previous == oldest) {
                return;
            }
            expiry.remove(previous, Long.toString(band));
        }
        expiry.add(oldest, Long.toString(band));
    }

    private long cutoff() {
        long now = expiry.streamTime();
        return now == Long.MIN_VALUE ? Long.MIN_VALUE : EventTime.minus(now, retention);
    }
}
