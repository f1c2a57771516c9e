package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A time-ordered index over a state store, for retention in event time: entries are keyed
 * {@code <sortable hex time>|<member>}, so the members older than a cutoff are one range scan away,
 * whatever the size of the index. It also keeps the task's stream time (the largest event time seen),
 * so retention resumes correctly after a restart.
 */
final class ExpiryIndex {

    private static final String STREAM_TIME = "~stream-time";

    private final KeyValueStore<String, Long> store;
    private long streamTime;

    ExpiryIndex(KeyValueStore<String, Long> store) {
        this.store = store;
        Long saved = store.get(STREAM_TIME);
        this.streamTime = saved == null ? Long.MIN_VALUE : saved;
    }

    /** The largest event time seen by this task, or {@link Long#MIN_VALUE} before any. */
    long streamTime() {
        return streamTime;
    }

    void observe(long eventTime) {
        if (eventTime > streamTime) {
            streamTime = eventTime;
            store.put(STREAM_TIME, eventTime);
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
