package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * A time-ordered index over a state store, for retention in event time: entries are keyed
 * {@code <sortable hex time>|<member>}, so the members older than a cutoff are one range scan away,
 * whatever the size of the index. It also keeps the task's stream time (the largest event time seen),
 * so retention resumes correctly after a restart.
 *
 * <p>Stream time never runs past a ceiling, the wall clock plus the accepted future skew: intake
 * refuses later dates, and a stream time saved beyond it (by a version without that check, which let a
 * date in year 9999 expire the whole index) is brought back to it when the task starts.
 */
final class ExpiryIndex {

    private static final Logger LOG = Logger.getLogger(ExpiryIndex.class);
    private static final String STREAM_TIME = "~stream-time";

    private final KeyValueStore<String, Long> store;
    private final LongSupplier ceiling;
    private long streamTime;

    /** Without a ceiling (tools and tests that drive processors directly). */
    ExpiryIndex(KeyValueStore<String, Long> store) {
        this(store, () -> Long.MAX_VALUE);
    }

    /**
     * @param ceiling the latest event time, in epoch millis, stream time may reach: the wall clock plus
     *     the future skew
     */
    ExpiryIndex(KeyValueStore<String, Long> store, LongSupplier ceiling) {
        this.store = store;
        this.ceiling = ceiling;
        Long saved = store.get(STREAM_TIME);
        long time = saved == null ? Long.MIN_VALUE : saved;
        long limit = ceiling.getAsLong();
        if (time > limit) {
            LOG.warnf(
                    "Stream time %d (epoch ms) saved in %s is beyond the wall clock plus the future skew; set back to %d",
                    time, store.name(), limit);
            time = limit;
            store.put(STREAM_TIME, time);
        }
        this.streamTime = time;
    }

    /** The largest event time seen by this task, at most the ceiling, or {@link Long#MIN_VALUE} before any. */
    long streamTime() {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : Math.min(streamTime, ceiling.getAsLong());
    }

    void observe(long eventTime) {
        long time = Math.min(eventTime, ceiling.getAsLong());
        if (time > streamTime) {
            streamTime = time;
            store.put(STREAM_TIME, time);
        }
    }

    void add(long time, String member) {
        store.put(key(time, member), time);
    }

    void remove(long time, String member) {
        store.delete(key(time, member));
    }

    /** Removes and returns the members indexed at a time before {@code cutoff}, oldest first. */
    List<String> removeOlderThan(long cutoff) {
        List<String> expired = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.range(hex(Long.MIN_VALUE), hex(cutoff) + "|")) {
            while (it.hasNext()) {
                KeyValue<String, Long> entry = it.next();
                keys.add(entry.key);
                expired.add(entry.key.substring(17));
            }
        }
        keys.forEach(store::delete);
        return expired;
    }

    static String key(long time, String member) {
        return hex(time) + "|" + member;
    }

    /** Fixed-width hex of the time with the sign bit flipped: byte order equals numeric order. */
    private static String hex(long time) {
        String h = Long.toHexString(time ^ Long.MIN_VALUE);
        return "0".repeat(16 - h.length()) + h;
    }
}
