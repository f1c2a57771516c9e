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
 * Keyed by LSH band key: each article joining a bucket gets as a reply the bucket's current members
 * published within the retention of it (keyed by the article's id, where all its buckets' replies are
 * gathered), then joins the bucket, whatever its date. Buckets are bounded (the member that joined first
 * leaves a full bucket), and a member leaves on its own once the retention has passed, on the wall clock,
 * since its article version was stored ({@link BandEntry#indexedAtMillis()}), when the article leaves
 * {@code article-store}.
 *
 * <p>Which pairs are compared thus depends only on the two articles' {@code publishedAt}, not on how
 * far other articles, or other partitions, have got: a replay finds what live traffic found.
 */
final class BucketProcessor extends ContextualProcessor<Long, BandEntry, String, BucketReply> {

    private final int maxBucketSize;
    private final Duration retention;
    private final long window;
    private final Duration sweepInterval;
    private KeyValueStore<Long, Bucket> buckets;
    private ExpiryIndex expiry;

    /**
     * @param retention the pairwise window ({@code publishedAt}) and how long, on the wall clock, a member
     *     stays after it was indexed
     */
    BucketProcessor(int maxBucketSize, Duration retention, Duration sweepInterval) {
        this.maxBucketSize = maxBucketSize;
        this.retention = retention;
        this.window = EventTime.millis(retention);
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, BucketReply> context) {
        super.init(context);
        buckets = context.getStateStore(RadarTopology.BUCKET_STORE);
        KeyValueStore<String, Long> expiryStore = context.getStateStore(RadarTopology.BUCKET_EXPIRY_STORE);
        expiry = new ExpiryIndex(expiryStore);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<Long, BandEntry> record) {
        BandEntry entry = record.value();
        long cutoff = EventTime.minus(context().currentSystemTimeMs(), retention);
        Bucket stored = buckets.get(record.key());
        Bucket bucket = stored == null ? Bucket.EMPTY : stored.withoutIndexedBefore(cutoff);
        List<String> others = new ArrayList<>(bucket.members().size());
        for (BandEntry member : bucket.members()) {
            if (!member.articleId().equals(entry.articleId()) && withinWindow(member, entry)) {
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

    /** Whether two members' publication times lie within the retention of each other (saturating). */
    private boolean withinWindow(BandEntry a, BandEntry b) {
        long earlier = Math.min(a.publishedAtMillis(), b.publishedAtMillis());
        long later = Math.max(a.publishedAtMillis(), b.publishedAtMillis());
        return EventTime.plus(earlier, window) >= later;
    }

    private void sweep(long now) {
        long cutoff = EventTime.minus(now, retention);
        long removed = 0;
        for (String band : expiry.removeOlderThan(cutoff)) {
            long key = Long.parseLong(band);
            Bucket stored = buckets.get(key);
            if (stored == null) {
                continue;
            }
            Bucket kept = stored.withoutIndexedBefore(cutoff);
            removed += stored.members().size() - kept.members().size();
            if (kept.members().isEmpty()) {
                buckets.delete(key);
            } else {
                buckets.put(key, kept);
                expiry.add(kept.oldestIndexedMillis(), band);
            }
        }
        RadarCounters.expired(RadarTopology.BUCKET_STORE, removed);
    }

    private void reindex(long band, Bucket before, Bucket after) {
        long oldest = after.oldestIndexedMillis();
        if (before != null && !before.members().isEmpty()) {
            long previous = before.oldestIndexedMillis();
            if (previous == oldest) {
                return;
            }
            expiry.remove(previous, Long.toString(band));
        }
        expiry.add(oldest, Long.toString(band));
    }
}
