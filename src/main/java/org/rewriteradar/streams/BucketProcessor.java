package org.rewriteradar.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The LSH buckets of one partition ({@link BucketIndex}): each {@link BandProbe} joins the article to the
 * buckets of its band keys on this partition and gets one {@link BucketReply}, keyed by the article's id,
 * counting for every other member published within the retention of it the buckets they share (of a full
 * bucket, only its newest members count), those published after it apart (it arrived after them: {@link
 * org.rewriteradar.similarity.DetectionSettings.Candidates#maxLaterCandidates()}). Buckets
 * are bounded (the member that joined first leaves a full bucket), and a member leaves once the
 * retention has passed, on the wall clock, since its article version was stored ({@link
 * BandProbe#indexedAtMillis()}), when the article leaves {@code article-store}.
 *
 * <p>Which pairs are compared thus depends only on the two articles' {@code publishedAt}, not on how
 * far other articles, or other partitions, have got: a replay finds what live traffic found.
 */
final class BucketProcessor extends ContextualProcessor<String, BandProbe, String, BucketReply> {

    private final int capacity;
    private final int fullAnswers;
    private final Duration retention;
    private final long window;
    private final Duration sweepInterval;
    private final int sweepBatch;
    private final long cacheMembers;
    private BucketIndex buckets;

    /**
     * @param capacity most members a bucket keeps
     * @param fullAnswers members a full bucket answers with, its newest ({@link
     *     org.rewriteradar.similarity.DetectionSettings.Candidates#fullBucketMembers()})
     * @param retention the pairwise window ({@code publishedAt}) and how long, on the wall clock, a member
     *     stays after it was indexed
     * @param sweepInterval how often (wall clock) the sweep runs
     * @param sweepBatch bucket entries one sweep visits before it finishes the buckets it is in
     * @param cacheMembers most bucket members kept in memory ({@link BucketIndex})
     */
    BucketProcessor(
            int capacity,
            int fullAnswers,
            Duration retention,
            Duration sweepInterval,
            int sweepBatch,
            long cacheMembers) {
        this.capacity = capacity;
        this.fullAnswers = fullAnswers;
        this.retention = retention;
        this.window = EventTime.millis(retention);
        this.sweepInterval = sweepInterval;
        this.sweepBatch = sweepBatch;
        this.cacheMembers = cacheMembers;
    }

    @Override
    public void init(ProcessorContext<String, BucketReply> context) {
        super.init(context);
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(RadarTopology.BUCKET_STORE);
        buckets = new BucketIndex(store, cacheMembers);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        BandProbe probe = record.value();
        long cutoff = EventTime.minus(context().currentSystemTimeMs(), retention);
        BucketMember member = new BucketMember(probe.articleId(), probe.publishedAtMillis(), probe.indexedAtMillis());
        Map<String, Integer> shared = new HashMap<>();
        Map<String, Integer> later = new HashMap<>();
        long expired = 0;
        for (long band : probe.keys()) {
            BucketIndex.Joined joined = buckets.join(band, member, capacity, fullAnswers, cutoff, other -> {
                if (withinWindow(other.publishedAtMillis(), probe.publishedAtMillis())) {
                    (other.publishedAtMillis() > probe.publishedAtMillis() ? later : shared)
                            .merge(other.articleId(), 1, Integer::sum);
                }
            });
            expired += joined.expired();
            if (joined.evicted() > 0) {
                RadarCounters.evicted(joined.evicted());
            }
        }
        RadarCounters.expired(RadarTopology.BUCKET_STORE, expired);
        context()
                .forward(record.withKey(probe.articleId())
                        .withValue(new BucketReply(
                                probe.articleId(), probe.version(), probe.keyCount(), probe.probes(), shared, later)));
    }

    /** Whether two publication times lie within the retention of each other (saturating). */
    private boolean withinWindow(long a, long b) {
        return EventTime.plus(Math.min(a, b), window) >= Math.max(a, b);
    }

    private void sweep(long now) {
        RadarCounters.expired(RadarTopology.BUCKET_STORE, buckets.sweep(EventTime.minus(now, retention), sweepBatch));
    }
}
