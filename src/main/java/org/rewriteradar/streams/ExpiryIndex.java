package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A time-ordered index over a state store, for retention: entries are keyed {@code <sortable hex
 * time>|<member>}, so the members due before a cutoff are one range scan away, whatever the size of the
 * index, and a sweep costs what it removes.
 *
 * <p>The times are <em>wall-clock</em> times at which a member was indexed ({@code indexedAt}), not
 * {@code publishedAt}: no article, however dated, and no lag between partitions can move them (see the
 * README, "Retention"). State written by versions that indexed by {@code publishedAt} reads the same way,
 * live traffic's publication and indexing times being close.
 *
 * <p>A <em>tracked</em> index also remembers each member's time under {@code #<member>} (outside the
 * range the sweep scans), so a member indexed again (an article's new version) moves instead of being
 * indexed twice.
 *
 * <p>A sweep scans from where the previous one stopped, not from the start: the entries it removed stay in
 * RocksDB as tombstones until compaction drops them, and a scan from the start would walk all of them every
 * time (a queue kept in an LSM tree). An entry added before that point moves it back.
 */
final class ExpiryIndex {

    /** Event-time clock saved by earlier versions; no longer used, removed when a task opens the store. */
    private static final String OLD_STREAM_TIME = "~stream-time";

    private static final String TRACK = "#";

    private final KeyValueStore<String, Long> store;
    private final boolean tracked;
    /** Every entry of a time before this one has been removed (by this instance). */
    private long sweptBefore = Long.MIN_VALUE;

    /** An index whose owner removes entries by their time ({@link #add}, {@link #remove}). */
    ExpiryIndex(KeyValueStore<String, Long> store) {
        this(store, false);
    }

    /** @param tracked whether members are looked up by name ({@link #schedule}) */
    ExpiryIndex(KeyValueStore<String, Long> store, boolean tracked) {
        this.store = store;
        this.tracked = tracked;
        if (store.get(OLD_STREAM_TIME) != null) {
            store.delete(OLD_STREAM_TIME);
        }
    }

    void add(long time, String member) {
        store.put(key(time, member), time);
        sweptBefore = Math.min(sweptBefore, time);
    }

    void remove(long time, String member) {
        store.delete(key(time, member));
    }

    /**
     * (Tracked index.) Indexes {@code member} at {@code time}, removing its earlier entry: the one
     * remembered, or else the one at {@code untrackedTime} (state written before members were tracked;
     * {@link Long#MIN_VALUE} when there is none).
     */
    void schedule(String member, long time, long untrackedTime) {
        Long previous = store.get(TRACK + member);
        if (previous != null) {
            remove(previous, member);
        } else if (untrackedTime != Long.MIN_VALUE) {
            remove(untrackedTime, member);
        }
        add(time, member);
        store.put(TRACK + member, time);
    }

    /** Removes and returns the members indexed at a time before {@code cutoff}, oldest first. */
    List<String> removeOlderThan(long cutoff) {
        List<String> expired = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.range(hex(sweptBefore), hex(cutoff) + "|")) {
            while (it.hasNext()) {
                KeyValue<String, Long> entry = it.next();
                if (entry.value >= cutoff) {
                    break; // the range's upper bound is inclusive of the cutoff's own entries
                }
                keys.add(entry.key);
                expired.add(entry.key.substring(17));
            }
        }
        keys.forEach(store::delete);
        if (tracked) {
            expired.forEach(member -> store.delete(TRACK + member));
        }
        sweptBefore = Math.max(sweptBefore, cutoff);
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
