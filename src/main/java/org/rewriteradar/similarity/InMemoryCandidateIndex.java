package org.rewriteradar.similarity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory LSH candidate index: each candidate key ({@link RewriteEngine#candidateKeys}) maps to a
 * bounded bucket of article ids. A hot bucket (a key shared by very many articles, e.g. a common word
 * pair) keeps only its most recent {@code bucketCapacity} ids, and once full answers a lookup with its newest
 * {@code fullBucketMembers} ({@link DetectionSettings.Candidates#fullBucketMembers()}), so what a lookup meets
 * does not grow with the index. Lookups rank ids
 * by {@link CandidateRanking} (most keys shared with the query, then id). Thread-safe (synchronised); the
 * Kafka topology mirrors this structure in a key-value store, with the same ranking.
 *
 * <p>Internally ids are dense ints, buckets are primitive ring buffers in an open-addressing table keyed
 * by the 64-bit key (a bucket holding one id stores it inline), and lookups count shared keys by sorting
 * the bucket entries they meet: no boxing or hashing of strings on the lookup path.
 */
public final class InMemoryCandidateIndex {

    private static final int[][] NO_BUCKETS = new int[0][];

    private final int bucketCapacity;
    private final int fullBucketMembers;
    private final Map<String, Integer> idOf = new HashMap<>();
    private String[] names = new String[1024];
    private ArticleFingerprint[] fingerprints = new ArticleFingerprint[1024];
    private int size;

    // open-addressing table, two longs per slot (one cache line): [2s] = key, [2s+1] = USED | value;
    // value >= 0: index into buckets, value < 0: single id ~value; [2s+1] == 0: empty slot
    private static final long USED = 1L << 32;
    // a key without a slot in a lookup's values (~NONE would be an id no array can reach)
    private static final int NONE = Integer.MIN_VALUE;
    private long[] table = new long[2 << 12];
    private int entries;
    // ring buckets: [0] = count, [1] = next write position, then capacity slots
    private int[][] buckets = NO_BUCKETS;
    private int bucketCount;

    // lookup scratch: per query key its table value, bucket and bucket size; the ids of the bucket entries
    // met; per id met, its name and the keys it shares
    private int[] values = new int[256];
    private int[][] bucketsMet = new int[256][];
    private int[] sizes = new int[256];
    private long[] visits = new long[1024];
    private String[] metNames = new String[1024];
    private int[] metShared = new int[1024];

    /** An index whose full buckets answer with all their members. */
    public InMemoryCandidateIndex(int bucketCapacity) {
        this(bucketCapacity, bucketCapacity);
    }

    public InMemoryCandidateIndex(int bucketCapacity, int fullBucketMembers) {
        if (bucketCapacity < 1 || fullBucketMembers < 0) {
            throw new IllegalArgumentException("bucketCapacity must be positive, fullBucketMembers not negative");
        }
        this.bucketCapacity = bucketCapacity;
        this.fullBucketMembers = Math.min(fullBucketMembers, bucketCapacity);
    }

    /** An index with the bucket settings of {@code candidates}. */
    public static InMemoryCandidateIndex of(DetectionSettings.Candidates candidates) {
        return new InMemoryCandidateIndex(candidates.indexBucketCapacity(), candidates.fullBucketMembers());
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
     * Ids sharing at least one key with {@code keys}, in {@link CandidateRanking} order (most shared keys
     * first, then id), at most {@code limit}, without {@code excludeId}.
     */
    public List<String> candidates(long[] keys, int limit, String excludeId) {
        return candidates(keys, limit, excludeId, 1);
    }

    /**
     * As {@link #candidates(long[], int, String)}, keeping only ids that share at least {@code minShared}
     * keys with the query (see {@link RewriteEngine#minSharedKeys}).
     *
     * <p>The bucket entries met are written down in order and radix-sorted by id, so each id's entries form
     * a run whose length is its shared-key count: sequential passes over a few thousand longs instead of a
     * random access per entry into a per-id counter as large as the index.
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
                // a ring's entries fill its first count slots; their order does not matter to the ranking,
                // but a full ring answers with its newest, those before its next write position
                int[] b = bucketsMet[i];
                int count = sizes[i];
                if (count == bucketCapacity && fullBucketMembers < count) {
                    for (int x = 1; x <= fullBucketMembers; x++) {
                        n = visit(b[2 + Math.floorMod(b[1] - x, bucketCapacity)], exclude, n);
                    }
                } else {
                    for (int x = 0; x < count; x++) {
                        n = visit(b[2 + x], exclude, n);
                    }
                }
                bucketsMet[i] = null;
            }
        }
        // by id: each id's entries form one run
        RadixSort.sortByField(visits, n, 0, 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1)));
        int met = 0;
        for (int i = 0; i < n; ) {
            long id = visits[i];
            int j = i + 1;
            while (j < n && visits[j] == id) {
                j++;
            }
            if (j - i >= minShared) {
                metNames[met] = names[(int) id];
                metShared[met++] = j - i;
            }
            i = j;
        }
        List<String> ranked = CandidateRanking.best(metNames, metShared, met, minShared, limit);
        Arrays.fill(metNames, 0, met, null);
        return ranked;
    }

    private int visit(int id, int exclude, int n) {
        if (id == exclude) {
            return n;
        }
        if (n == visits.length) {
            visits = Arrays.copyOf(visits, n * 2);
            metNames = new String[n * 2];
            metShared = new int[n * 2];
        }
        visits[n] = id;
        return n + 1;
    }
}
