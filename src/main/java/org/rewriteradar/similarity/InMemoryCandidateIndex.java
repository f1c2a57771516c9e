package org.rewriteradar.similarity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory LSH candidate index: each candidate key ({@link RewriteEngine#candidateKeys}) maps to a
 * bounded bucket of article ids. A hot bucket (a key shared by very many articles, e.g. a common word
 * pair) keeps only its most recent {@code bucketCapacity} ids, so lookups stay bounded. Lookups rank ids
 * by the number of keys they share with the query. Thread-safe (synchronised); the Kafka topology mirrors
 * this structure in a key-value store.
 *
 * <p>Internally ids are dense ints, buckets are primitive ring buffers in an open-addressing table keyed
 * by the 64-bit key (a bucket holding one id stores it inline), and lookups count shared keys in a reused
 * int array: no boxing or hashing of strings on the lookup path.
 */
public final class InMemoryCandidateIndex {

    private static final int[][] NO_BUCKETS = new int[0][];

    private final int bucketCapacity;
    private final Map<String, Integer> idOf = new HashMap<>();
    private String[] names = new String[1024];
    private ArticleFingerprint[] fingerprints = new ArticleFingerprint[1024];
    private int size;

    // open-addressing table, two longs per slot (one cache line): [2s] = key, [2s+1] = USED | value;
    // value >= 0: index into buckets, value < 0: single id ~value; [2s+1] == 0: empty slot
    private static final long USED = 1L << 32;
    private long[] table = new long[2 << 12];
    private int entries;
    // ring buckets: [0] = count, [1] = next write position, then capacity slots
    private int[][] buckets = NO_BUCKETS;
    private int bucketCount;

    // lookup scratch
    private int[] counts = new int[1024];
    private int[] touched = new int[1024];

    public InMemoryCandidateIndex(int bucketCapacity) {
        if (bucketCapacity < 1) {
            throw new IllegalArgumentException("bucketCapacity must be positive");
        }
        this.bucketCapacity = bucketCapacity;
    }

    public int bucketCapacity() {
        return bucketCapacity;
    }

    /** Stores (or replaces) a fingerprint under its id and indexes it under {@code keys}. */
    public synchronized void put(ArticleFingerprint fp, long[] keys) {
        Integer known = idOf.get(fp.id());
        int id;
        if (known == null) {
            id = size++;
            if (id == names.length) {
                names = Arrays.copyOf(names, id * 2);
                fingerprints = Arrays.copyOf(fingerprints, id * 2);
                counts = new int[id * 2];
            }
            idOf.put(fp.id(), id);
            names[id] = fp.id();
        } else {
            id = known;
        }
        fingerprints[id] = fp;
        for (long k : keys) {
            add(k, id);
        }
    }

    private void add(long key, int id) {
        if ((entries + 1) * 4 > table.length) {
            rehash();
        }
        int slot = slotOf(key);
        if (table[2 * slot + 1] == 0) {
            table[2 * slot] = key;
            setValue(slot, ~id);
            entries++;
            return;
        }
        int v = (int) table[2 * slot + 1];
        if (v < 0) {
            int single = ~v;
            if (single == id) {
                return;
            }
            if (bucketCapacity == 1) {
                setValue(slot, ~id);
                return;
            }
            int[] b = new int[2 + Math.min(bucketCapacity, 4)];
            b[0] = 0;
            b[1] = 0;
            b = append(b, single);
            b = append(b, id);
            if (bucketCount == buckets.length) {
                buckets = Arrays.copyOf(buckets, Math.max(1024, bucketCount * 2));
            }
            buckets[bucketCount] = b;
            setValue(slot, bucketCount++);
            return;
        }
        int[] b = buckets[v];
        for (int i = 0; i < b[0]; i++) {
            if (b[2 + i] == id) {
                return;
            }
        }
        buckets[v] = append(b, id);
    }

    /** Appends to a ring bucket, growing it up to the capacity, then overwriting the oldest id. */
    private int[] append(int[] b, int id) {
        int n = b[0];
        if (n < bucketCapacity) {
            if (2 + n == b.length) {
                b = Arrays.copyOf(b, 2 + Math.min(bucketCapacity, n * 2));
            }
            b[2 + n] = id;
            b[0] = n + 1;
            b[1] = (n + 1) % bucketCapacity;
        } else {
            b[2 + b[1]] = id;
            b[1] = (b[1] + 1) % bucketCapacity;
        }
        return b;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = (table.length >> 1) - 1;
        int slot = (int) Mix.mix(key) & mask;
        while (table[2 * slot + 1] != 0 && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void setValue(int slot, int value) {
        table[2 * slot + 1] = USED | (value & 0xffff_ffffL);
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = slotOf(old[i]);
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    public synchronized ArticleFingerprint get(String id) {
        Integer i = idOf.get(id);
        return i == null ? null : fingerprints[i];
    }

    public synchronized int size() {
        return size;
    }

    /**
     * Ids sharing at least one key with {@code keys}, most shared keys first (ties: first met, scanning
     * keys in order and each bucket most recent first), at most {@code limit}, without {@code excludeId}.
     */
    public List<String> candidates(long[] keys, int limit, String excludeId) {
        return candidates(keys, limit, excludeId, 1);
    }

    /**
     * As {@link #candidates(long[], int, String)}, keeping only ids that share at least {@code minShared}
     * keys with the query (see {@link RewriteEngine#minSharedKeys}).
     */
    public synchronized List<String> candidates(long[] keys, int limit, String excludeId, int minShared) {
        Integer ex = excludeId == null ? null : idOf.get(excludeId);
        int exclude = ex == null ? -1 : ex;
        int n = 0;
        int maxCount = 0;
        for (long k : keys) {
            int slot = slotOf(k);
            if (table[2 * slot + 1] == 0) {
                continue;
            }
            int v = (int) table[2 * slot + 1];
            if (v < 0) {
                n = touch(~v, exclude, n);
            } else {
                int[] b = buckets[v];
                int count = b[0];
                // most recent first: the slot before the write position, going backwards
                int ring = count < bucketCapacity ? count : bucketCapacity;
                int pos = b[1] - 1;
                for (int x = 0; x < count; x++) {
                    if (pos < 0) {
                        pos += ring;
                    }
                    n = touch(b[2 + pos], exclude, n);
                    pos--;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            maxCount = Math.max(maxCount, counts[touched[t]]);
        }
        // counting sort by shared keys, descending, stable in first-met order; only the first limit kept
        int[] firstOf = new int[maxCount + 2];
        for (int t = 0; t < n; t++) {
            firstOf[maxCount - counts[touched[t]] + 1]++;
        }
        for (int c = 1; c <= maxCount + 1; c++) {
            firstOf[c] += firstOf[c - 1];
        }
        int eligible = 0;
        for (int t = 0; t < n; t++) {
            if (counts[touched[t]] >= minShared) {
                eligible++;
            }
        }
        int keep = Math.min(limit, eligible);
        String[] ranked = new String[keep];
        for (int t = 0; t < n; t++) {
            if (counts[touched[t]] < minShared) {
                continue;
            }
            int pos = firstOf[maxCount - counts[touched[t]]]++;
            if (pos < keep) {
                ranked[pos] = names[touched[t]];
            }
        }
        List<String> out = Arrays.asList(ranked);
        for (int t = 0; t < n; t++) {
            counts[touched[t]] = 0;
        }
        return out;
    }

    private int touch(int id, int exclude, int n) {
        if (id == exclude) {
            return n;
        }
        if (counts[id]++ == 0) {
            if (n == touched.length) {
                touched = Arrays.copyOf(touched, n * 2);
            }
            touched[n++] = id;
        }
        return n;
    }
}
