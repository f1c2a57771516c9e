package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.similarity.BinaryCodec.Out;

/**
 * The LSH buckets of one partition over {@code bucket-store}: one small entry per (band key, member), keyed
 * {@code <band, 8 bytes big-endian><complement of the join sequence, 8 bytes big-endian>}, so a bucket is one
 * range scan, newest member first, and a join writes one entry, whatever the bucket's size (a whole-bucket
 * value would be rewritten, and sent to the changelog, on every join). Values: {@link
 * BinarySerdes#BUCKET_MEMBER}.
 *
 * <p>A bucket keeps at most {@code capacity} members (the member that joined first leaves a full bucket),
 * a full bucket answers a join with its newest {@code fullAnswers} members only, and a member past the
 * retention cutoff is removed when its bucket is next read, or by the sweep ({@link #sweep}), which visits a
 * bounded slice of the store per call and resumes where it stopped.
 *
 * <p>Buckets read again are read from memory: the entries of recently joined buckets of two or more members
 * are kept, least recently joined leaving first, up to {@code cacheMembers} members in all. The cache is
 * written through (every change goes to the store, then to the cached copy) and holds a bucket's newest
 * entries exactly as the store does, as far as joins have read them (a join stops at a full bucket's oldest
 * member, before the tombstones of those that left), so a join answers the same from either, reading on from
 * the store when it gets past them; it starts empty in each new instance
 * (a task moved, restored or revived reads its buckets from the store again). Past the first join of a hot
 * bucket, a join costs no RocksDB seek or iterator step, which is most of what a join costs, and which grows
 * with the members a bucket holds until buckets are full.
 */
final class BucketIndex {

    /** Bytes of the band at the start of every key: the length of {@code bucket-store}'s prefix filter. */
    static final int BAND_BYTES = 8;

    /** Bytes of the sweep's cursor: shorter than a band, so outside the prefix filter's domain. */
    static final int CURSOR_BYTES = BAND_BYTES - 1;

    private final KeyValueStore<Bytes, byte[]> store;
    private final long cacheMembers;
    private final LinkedHashMap<Long, CachedBucket> cache = new LinkedHashMap<>(1024, 0.75f, true);
    private long cachedMembers;
    private Bytes cursor;

    /** One stored member: its key's join sequence and its value. */
    private record Entry(long sequence, BucketMember member) {}

    /**
     * A bucket's entries in memory, newest first: the first {@code entries.size()} entries the store holds for
     * it, and all of them once {@code complete}. A join stops reading a full bucket at its oldest member, so the
     * entries past it (RocksDB tombstones of the members that left, until compaction drops them) are never
     * walked; they are read on when a later join gets that far.
     */
    private static final class CachedBucket {
        final List<Entry> entries = new ArrayList<>();
        boolean complete;
    }

    /**
     * @param store the {@code bucket-store}
     * @param cacheMembers most members kept in memory over all cached buckets (0: none)
     */
    BucketIndex(KeyValueStore<Bytes, byte[]> store, long cacheMembers) {
        this.store = store;
        this.cacheMembers = cacheMembers;
    }

    /** Members held in memory now (tests, metrics). */
    long cachedMembers() {
        return cachedMembers;
    }

    /** What a join did to its bucket. */
    record Joined(int expired, int evicted) {}

    /**
     * Adds {@code member} to bucket {@code band} (replacing an earlier entry of the same article), passing
     * each other member indexed at or after {@code cutoff} to {@code others}, newest first, before the join
     * (only the newest {@code fullAnswers} when the bucket is full: it holds {@code capacity} members besides
     * the joining article); removes the members indexed before the cutoff, and the oldest one a full bucket
     * lets go.
     *
     * <p>The bucket is read from its newest entry on, forwards, and no further than its {@code capacity}: the
     * entries of members that left a full bucket lie after that, as RocksDB tombstones until compaction drops
     * them, and a hot bucket would otherwise walk its whole history on every join. (A bucket over capacity,
     * after the capacity was lowered, thus shrinks by one member per join.)
     */
    Joined join(
            long band, BucketMember member, int capacity, int fullAnswers, long cutoff, Consumer<BucketMember> others) {
        List<Entry> removed = new ArrayList<>();
        CachedBucket cached = cacheMembers > 0 ? cache.get(band) : null;
        boolean wasCached = cached != null;
        CachedBucket bucket = wasCached ? cached : new CachedBucket();
        int before = wasCached ? bucket.entries.size() : 0;
        try {
            Outcome outcome;
            try (Reader reader = new Reader(band, bucket)) {
                outcome = decide(reader, member, capacity, fullAnswers, cutoff, others, removed);
            }
            removed.forEach(e -> store.delete(key(band, e.sequence())));
            store.put(
                    key(band, outcome.next()),
                    BinarySerdes.BUCKET_MEMBER.serializer().serialize(null, member));
            if (cacheMembers > 0) {
                bucket.entries.removeAll(removed);
                bucket.entries.add(0, new Entry(outcome.next(), member));
                if (wasCached || bucket.entries.size() > 1) {
                    cache.put(band, bucket);
                    cachedMembers += bucket.entries.size() - before;
                    trimCache();
                }
            }
            return new Joined(outcome.expired(), outcome.evicted());
        } catch (RuntimeException e) {
            forget(band);
            throw e;
        }
    }

    /**
     * A bucket's entries in memory, then the store's next ones, read only when asked for and added to those in
     * memory (the store range is opened at the first entry past them, and closed with the reader). A bucket not
     * in memory starts empty, so it is read from the store as far as the join goes.
     */
    private final class Reader implements Iterator<Entry>, AutoCloseable {
        private final long band;
        private final CachedBucket bucket;
        private int next;
        private KeyValueIterator<Bytes, byte[]> rest;

        Reader(long band, CachedBucket bucket) {
            this.band = band;
            this.bucket = bucket;
        }

        @Override
        public boolean hasNext() {
            if (next < bucket.entries.size()) {
                return true;
            }
            if (bucket.complete) {
                return false;
            }
            if (rest == null) {
                Bytes from = bucket.entries.isEmpty()
                        ? first(band)
                        : after(
                                band,
                                bucket.entries.get(bucket.entries.size() - 1).sequence());
                if (from == null) {
                    bucket.complete = true;
                    return false;
                }
                rest = store.range(from, last(band));
            }
            if (rest.hasNext()) {
                KeyValue<Bytes, byte[]> kv = rest.next();
                bucket.entries.add(entry(kv));
                return true;
            }
            bucket.complete = true;
            return false;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return bucket.entries.get(next++);
        }

        @Override
        public void close() {
            if (rest != null) {
                rest.close();
            }
        }
    }

    /** A join's decisions: the sequence the joining member gets, and the members it removed. */
    private record Outcome(long next, int expired, int evicted) {}

    /**
     * Walks a bucket's entries, newest first, passing members to {@code others} (all, or the newest {@code
     * fullAnswers} of a full bucket) and adding to {@code removed} those that leave: the expired, the
     * article's own earlier entry, and the oldest of a full bucket, where it stops.
     */
    private static Outcome decide(
            Iterator<Entry> entries,
            BucketMember member,
            int capacity,
            int fullAnswers,
            long cutoff,
            Consumer<BucketMember> others,
            List<Entry> removed) {
        int expired = 0;
        int evicted = 0;
        int kept = 0;
        long next = 0;
        // the first fullAnswers members go out at once; the rest wait until the bucket proves not full
        List<BucketMember> held = new ArrayList<>();
        while (entries.hasNext()) {
            Entry e = entries.next();
            BucketMember m = e.member();
            next = Math.max(next, e.sequence() + 1);
            if (m.indexedAtMillis() < cutoff) {
                removed.add(e);
                expired++;
            } else if (m.articleId().equals(member.articleId())) {
                removed.add(e);
            } else if (kept + 1 < capacity) {
                kept++;
                if (kept <= fullAnswers) {
                    others.accept(m);
                } else {
                    held.add(m);
                }
            } else {
                // the oldest member of a full bucket: it was in the bucket when the article came
                if (kept < fullAnswers) {
                    others.accept(m);
                }
                removed.add(e);
                evicted++;
                held.clear();
                break;
            }
        }
        held.forEach(others);
        return new Outcome(next, expired, evicted);
    }

    private static Entry entry(KeyValue<Bytes, byte[]> kv) {
        return new Entry(
                sequence(kv.key), BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, kv.value));
    }

    /** Every entry of bucket {@code band} in the store, newest first. */
    private List<Entry> entries(long band) {
        List<Entry> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(first(band), last(band))) {
            it.forEachRemaining(kv -> entries.add(entry(kv)));
        }
        return entries;
    }

    private void forget(long band) {
        CachedBucket bucket = cache.remove(band);
        if (bucket != null) {
            cachedMembers -= bucket.entries.size();
        }
    }

    private void trimCache() {
        for (Iterator<Map.Entry<Long, CachedBucket>> it = cache.entrySet().iterator();
                cachedMembers > cacheMembers && it.hasNext(); ) {
            cachedMembers -= it.next().getValue().entries.size();
            it.remove();
        }
    }

    /** The members of bucket {@code band}, oldest first, expired ones included (tests, diagnostics). */
    List<BucketMember> members(long band) {
        List<BucketMember> members = new ArrayList<>();
        entries(band).forEach(e -> members.add(e.member()));
        Collections.reverse(members);
        return members;
    }

    /**
     * Visits about {@code limit} entries from where the previous sweep stopped (from the start after the
     * last entry, or in a new instance) and removes those indexed before {@code cutoff}; returns how many.
     * Every entry is visited once per pass over the store, so a pass takes about (entries / limit) sweeps.
     *
     * <p>The sweep is the one walk across buckets, and {@code bucket-store} has a prefix bloom filter on the
     * {@value #BAND_BYTES}-byte band ({@link RadarRocksDbConfig}): a seek to a key of that length or longer
     * leaves out every table whose filter lacks the key's band, so walking on from it could skip the entries
     * of other bands. A sweep therefore resumes from a {@value #CURSOR_BYTES}-byte cursor, a key outside the
     * prefix filter's domain, which RocksDB seeks in total order, and stops only where that cursor's group of
     * bands ends (it may visit a little more than {@code limit}), so no entry lies between the cursor and the
     * entries last visited.
     */
    int sweep(long cutoff, int limit) {
        List<Bytes> expired = new ArrayList<>();
        Bytes last = null;
        int visited = 0;
        Bytes resume = null;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(cursor, null)) {
            while (it.hasNext()) {
                if (visited >= limit && last != null) {
                    Bytes group = group(it.peekNextKey());
                    if (!group.equals(group(last))) {
                        resume = group;
                        break;
                    }
                }
                KeyValue<Bytes, byte[]> entry = it.next();
                visited++;
                last = entry.key;
                BucketMember m = BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, entry.value);
                if (m.indexedAtMillis() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        cursor = resume;
        for (Bytes key : expired) {
            store.delete(key);
            forget(band(key));
        }
        return expired.size();
    }

    /** The first {@value #CURSOR_BYTES} bytes of a key: the sweep's cursor, outside the prefix filter's domain. */
    private static Bytes group(Bytes key) {
        return Bytes.wrap(Arrays.copyOf(key.get(), CURSOR_BYTES));
    }

    /** The key of the member that joined bucket {@code band} as its {@code sequence}-th. */
    static Bytes key(long band, long sequence) {
        return raw(band, ~sequence);
    }

    /** The first possible key after member {@code sequence} of bucket {@code band}; null after sequence 0. */
    private static Bytes after(long band, long sequence) {
        return sequence == 0 ? null : raw(band, ~sequence + 1);
    }

    /** The first possible key of bucket {@code band} (its newest members come first). */
    private static Bytes first(long band) {
        return raw(band, 0);
    }

    private static Bytes last(long band) {
        return raw(band, -1L);
    }

    private static Bytes raw(long band, long suffix) {
        return Bytes.wrap(new Out(16).fixedLong(band).fixedLong(suffix).toByteArray());
    }

    static long band(Bytes key) {
        return readLong(key.get(), 0);
    }

    private static long sequence(Bytes key) {
        return ~readLong(key.get(), 8);
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int k = at; k < at + 8; k++) {
            v = (v << 8) | (b[k] & 0xff);
        }
        return v;
    }
}
