package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@code bucket-store}: the articles that share one LSH band key, oldest first, at most
 * a configured number of them.
 *
 * @param members the bucket's members, oldest first
 * @param evicted how many members were pushed out because the bucket was full (a hot bucket)
 */
public record Bucket(List<BandEntry> members, long evicted) {

    public static final Bucket EMPTY = new Bucket(List.of(), 0);

    /** This bucket with {@code entry} added (replacing an older entry of the same article), bounded. */
    public Bucket with(BandEntry entry, int maxSize) {
        List<BandEntry> next = new ArrayList<>(members.size() + 1);
        for (BandEntry m : members) {
            if (!m.articleId().equals(entry.articleId())) {
                next.add(m);
            }
        }
        next.add(entry);
        long dropped = 0;
        while (next.size() > maxSize) {
            next.remove(0);
            dropped++;
        }
        return new Bucket(List.copyOf(next), evicted + dropped);
    }

    /** The earliest wall-clock indexing time of a member; {@link Long#MAX_VALUE} when empty. */
    public long oldestIndexedMillis() {
        long oldest = Long.MAX_VALUE;
        for (BandEntry m : members) {
            oldest = Math.min(oldest, m.indexedAtMillis());
        }
        return oldest;
    }

    /** This bucket without members indexed (wall clock) before {@code cutoffMillis}. */
    public Bucket withoutIndexedBefore(long cutoffMillis) {
        List<BandEntry> kept = members.stream()
                .filter(m -> m.indexedAtMillis() >= cutoffMillis)
                .toList();
        return kept.size() == members.size() ? this : new Bucket(kept, evicted);
    }
}
