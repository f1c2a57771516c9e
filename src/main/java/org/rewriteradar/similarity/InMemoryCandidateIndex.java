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
 * by the 64-bit key (a bucket holding one id stores it inline), and lookups count shared keys by sorting
 * the bucket entries they meet: no boxing or hashing of strings on the lookup path.
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
    // a key without a slot in a lookup's values (~NONE would be an id no array can reach)
    private static final int NONE = Integer.MIN_VALUE;
    // lookups with a limit up to this keep their best ids by insertion; larger limits sort all ids met
    private static final int SELECT_MAX = 64;
    private long[] table = new long[2 << 12];
    private int entries;
    // ring buckets: [0] = count, [1] = next write position, then capacity slots
    private int[][] buckets = NO_BUCKETS;
    private int bucketCount;

    // lookup scratch: per query key its table value, bucket and bucket size; the bucket entries met
    // (id << 32 | position); the id first met at a position
    private int[] values = new int[256];
    private int[][] bucketsMet = new int[256][];
    private int[] sizes = new int[256];
    private long[] visits = new long[1024];
    private int[] idAt = new int[1024];

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
     *
     * <p>The bucket entries met are written down in order ({@code id << 32 | position}) and radix-sorted by
     * id, so each id's entries form a run whose length is its shared-key count and whose first position is
     * where it was first met: sequential passes over a few thousand longs instead of a random access per
     * entry into a per-id counter as large as the index.
     */
    public synchronized List<String> candidates(long[] keys, int limit, String excludeId, int minShared) {
        Integer ex = excludeId == null ? null : idOf.get(excludeId);
        int exclude = ex == null ? -1 : ex;
        // one pass per level of indirection, each of independent reads, so the core overlaps their cache
        // misses: the keys' table slots, the buckets they name, the buckets' sizes, then their entries
        int nk = keys.length;
        if (values.length < nk) {
            values = new int[Math.max(nk, 2 * values.length)];
            bucketsMet = new int[values.length][];
            sizes = new int[values.length];
        }
        for (int i = 0; i < nk; i++) {
            long e = table[2 * slotOf(keys[i]) + 1];
            values[i] = e == 0 ? NONE : (int) e;
        }
        for (int i = 0; i < nk; i++) {
            int v = values[i];
            bucketsMet[i] = v >= 0 ? buckets[v] : null;
        }
        for (int i = 0; i < nk; i++) {
            int[] b = bucketsMet[i];
            sizes[i] = b == null ? 0 : b[0];
        }
        int n = 0;
        for (int i = 0; i < nk; i++) {
            int v = values[i];
            if (v == NONE) {
                continue;
            }
            if (v < 0) {
                n = visit(~v, exclude, n);
            } else {
                int[] b = bucketsMet[i];
                int count = sizes[i];
                // most recent first: the slot before the write position, going backwards
                int ring = count < bucketCapacity ? count : bucketCapacity;
                int pos = b[1] - 1;
                for (int x = 0; x < count; x++) {
                    if (pos < 0) {
                        pos += ring;
                    }
                    n = visit(b[2 + pos], exclude, n);
                    pos--;
                }
                bucketsMet[i] = null;
            }
        }
        // by id, positions staying ascending within an id
        RadixSort.sortByField(visits, n, 32, 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1)));
        // one rank per id: (keys not shared) << 32 | first position, ascending = most shared, then first met;
        // a few best kept by insertion as they come, or, for a large limit, all sorted at the end
        int cap = Math.max(0, Math.min(limit, n));
        boolean select = cap <= SELECT_MAX;
        long[] top = new long[select ? cap : n];
        int kept = 0;
        for (int i = 0; i < n; ) {
            long first = visits[i];
            int j = i + 1;
            while (j < n && (visits[j] >>> 32) == (first >>> 32)) {
                j++;
            }
            int shared = j - i;
            if (shared >= minShared) {
                int position = (int) first;
                idAt[position] = (int) (first >>> 32);
                long rank = ((long) (Integer.MAX_VALUE - shared) << 32) | position;
                if (select) {
                    kept = offer(top, kept, rank);
                } else {
                    top[kept++] = rank;
                }
            }
            i = j;
        }
        if (!select) {
            Arrays.sort(top, 0, kept);
            kept = Math.min(kept, cap);
        }
        String[] ranked = new String[kept];
        for (int r = 0; r < kept; r++) {
            ranked[r] = names[idAt[(int) top[r]]];
        }
        return Arrays.asList(ranked);
    }

    private int visit(int id, int exclude, int n) {
        if (id == exclude) {
            return n;
        }
        if (n == visits.length) {
            visits = Arrays.copyOf(visits, n * 2);
            idAt = new int[n * 2];
        }
        visits[n] = ((long) id << 32) | n;
        return n + 1;
    }

    /** Inserts {@code rank} into the ascending {@code top[0..kept)} if it is among the best; the new count. */
    private static int offer(long[] top, int kept, long rank) {
        if (kept == top.length && (kept == 0 || rank >= top[kept - 1])) {
            return kept;
        }
        int i = kept == top.length ? kept - 1 : kept;
        while (i > 0 && top[i - 1] > rank) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = rank;
        return kept == top.length ? kept : kept + 1;
    }
}
