package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.similarity.BinaryCodec.Out;

/**
 * The LSH buckets of one partition over {@code bucket-store}: one small entry per (band key, member), keyed
 * {@code <band, 8 bytes big-endian><join sequence, 8 bytes big-endian>}, so a bucket is one range scan in
 * joining order and a join writes one entry, whatever the bucket's size (a whole-bucket value would be
 * rewritten, and sent to the changelog, on every join). Values: {@link BinarySerdes#BUCKET_MEMBER}.
 *
 * <p>A bucket keeps at most {@code capacity} members (the member that joined first leaves a full bucket)
 * and a member past the retention cutoff is removed when its bucket is next read, or by the sweep ({@link
 * #sweep}), which visits a bounded slice of the store per call and resumes where it stopped.
 */
final class BucketIndex {

    private final KeyValueStore<Bytes, byte[]> store;
    private Bytes cursor;

    BucketIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** What a join did to its bucket. */
    record Joined(int expired, int evicted) {}

    /**
     * Adds {@code member} to bucket {@code band} (replacing an earlier entry of the same article),
     * passing each other member indexed at or after {@code cutoff} to {@code others}, oldest first, before
     * the join; removes the members indexed before the cutoff, then the oldest beyond {@code capacity}.
     */
    Joined join(long band, BucketMember member, int capacity, long cutoff, Consumer<BucketMember> others) {
        List<Bytes> kept = new ArrayList<>();
        List<Bytes> removed = new ArrayList<>();
        int expired = 0;
        long next = 0;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(key(band, 0), key(band, -1L))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                next = sequence(entry.key) + 1;
                BucketMember m = BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, entry.value);
                if (m.indexedAtMillis() < cutoff) {
                    removed.add(entry.key);
                    expired++;
                } else if (m.articleId().equals(member.articleId())) {
                    removed.add(entry.key);
                } else {
                    kept.add(entry.key);
                    others.accept(m);
                }
            }
        }
        removed.forEach(store::delete);
        store.put(key(band, next), BinarySerdes.BUCKET_MEMBER.serializer().serialize(null, member));
        int evicted = Math.max(0, kept.size() + 1 - capacity);
        for (int k = 0; k < evicted; k++) {
            store.delete(kept.get(k));
        }
        return new Joined(expired, evicted);
    }

    /** The members of bucket {@code band}, oldest first, expired ones included (tests, diagnostics). */
    List<BucketMember> members(long band) {
        List<BucketMember> members = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(key(band, 0), key(band, -1L))) {
            it.forEachRemaining(
                    e -> members.add(BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, e.value)));
        }
        return members;
    }

    /**
     * Visits up to {@code limit} entries from where the previous sweep stopped (from the start after the
     * last entry, or in a new instance) and removes those indexed before {@code cutoff}; returns how many.
     * Every entry is visited once per pass over the store, so a pass takes (entries / limit) sweeps.
     */
    int sweep(long cutoff, int limit) {
        List<Bytes> expired = new ArrayList<>();
        Bytes last = null;
        int visited = 0;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(cursor, null)) {
            while (visited < limit && it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                visited++;
                last = entry.key;
                BucketMember m = BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, entry.value);
                if (m.indexedAtMillis() < cutoff) {
                    expired.add(entry.key);
                }
            }
            cursor = visited < limit || !it.hasNext() ? null : successor(last);
        }
        expired.forEach(store::delete);
        return expired.size();
    }

    static Bytes key(long band, long sequence) {
        return Bytes.wrap(new Out(16).fixedLong(band).fixedLong(sequence).toByteArray());
    }

    static long band(Bytes key) {
        return readLong(key.get(), 0);
    }

    private static long sequence(Bytes key) {
        return readLong(key.get(), 8);
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int k = at; k < at + 8; k++) {
            v = (v << 8) | (b[k] & 0xff);
        }
        return v;
    }

    /** The smallest key after {@code key}: the key with a zero byte appended. */
    private static Bytes successor(Bytes key) {
        byte[] b = new byte[key.get().length + 1];
        System.arraycopy(key.get(), 0, b, 0, b.length - 1);
        return Bytes.wrap(b);
    }
}
