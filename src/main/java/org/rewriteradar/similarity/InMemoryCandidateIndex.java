package org.rewriteradar.similarity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory LSH candidate index: each candidate key ({@link RewriteEngine#candidateKeys}) maps to a
 * bounded bucket of article ids. A hot bucket (a key shared by very many articles, e.g. a common word
 * pair) keeps only its most recent {@code bucketCapacity} ids, so lookups stay bounded. Lookups rank ids
 * by the number of keys they share with the query. Thread-safe (synchronised); the Kafka topology mirrors
 * this structure in a key-value store.
 */
public final class InMemoryCandidateIndex {

    private final int bucketCapacity;
    private final Map<Long, ArrayDeque<String>> buckets = new HashMap<>();
    private final Map<String, ArticleFingerprint> articles = new HashMap<>();

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
        articles.put(fp.id(), fp);
        for (long k : keys) {
            ArrayDeque<String> b = buckets.computeIfAbsent(k, x -> new ArrayDeque<>(4));
            if (!b.contains(fp.id())) {
                b.addLast(fp.id());
                if (b.size() > bucketCapacity) {
                    b.removeFirst();
                }
            }
        }
    }

    public synchronized ArticleFingerprint get(String id) {
        return articles.get(id);
    }

    public synchronized int size() {
        return articles.size();
    }

    /**
     * Ids sharing at least one key with {@code keys}, most shared keys first (ties: most recent first),
     * at most {@code limit}, without {@code excludeId}.
     */
    public synchronized List<String> candidates(long[] keys, int limit, String excludeId) {
        Map<String, int[]> counts = new HashMap<>();
        int order = 0;
        for (long k : keys) {
            ArrayDeque<String> b = buckets.get(k);
            if (b == null) {
                continue;
            }
            var it = b.descendingIterator();
            while (it.hasNext()) {
                String id = it.next();
                if (id.equals(excludeId)) {
                    continue;
                }
                int[] c = counts.get(id);
                if (c == null) {
                    counts.put(id, new int[] {1, order++});
                } else {
                    c[0]++;
                }
            }
        }
        List<Map.Entry<String, int[]>> list = new ArrayList<>(counts.entrySet());
        list.sort((x, y) -> x.getValue()[0] != y.getValue()[0]
                ? Integer.compare(y.getValue()[0], x.getValue()[0])
                : Integer.compare(x.getValue()[1], y.getValue()[1]));
        List<String> out = new ArrayList<>(Math.min(limit, list.size()));
        for (int i = 0; i < list.size() && i < limit; i++) {
            out.add(list.get(i).getKey());
        }
        return out;
    }
}
