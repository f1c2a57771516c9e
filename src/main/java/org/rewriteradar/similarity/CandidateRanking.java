package org.rewriteradar.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one ranking of lookup candidates, used by {@link InMemoryCandidateIndex} and by the Kafka topology's
 * candidate step ({@code org.rewriteradar.streams.CandidateCollector}), so both score the same candidates.
 *
 * <p>Order: more shared candidate keys first; equal counts by id, ascending ({@link String#compareTo}).
 * Candidates sharing fewer than {@code minShared} keys are dropped, and at most {@code limit} are kept.
 * The tie-break depends only on the ids, not on the order the buckets are met or their replies arrive,
 * so it is the same in one JVM and across partitions and instances.
 */
public final class CandidateRanking {

    /** Limits up to this keep their best candidates by insertion as they come; larger ones sort them all. */
    private static final int SELECT_MAX = 64;

    private CandidateRanking() {}

    /** Negative when candidate {@code a} ranks before {@code b}: more shared keys, then the smaller id. */
    public static int compare(String a, int sharedA, String b, int sharedB) {
        if (sharedA != sharedB) {
            return sharedA > sharedB ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** The best at most {@code limit} ids of {@code sharedKeys} (id → keys shared), best first. */
    public static List<String> best(Map<String, Integer> sharedKeys, int minShared, int limit) {
        String[] ids = new String[sharedKeys.size()];
        int[] shared = new int[ids.length];
        int n = 0;
        for (Map.Entry<String, Integer> e : sharedKeys.entrySet()) {
            ids[n] = e.getKey();
            shared[n++] = e.getValue();
        }
        return best(ids, shared, n, minShared, limit);
    }

    /**
     * The best at most {@code limit} of the {@code n} candidates {@code ids[i]} sharing {@code shared[i]}
     * keys, best first, without those sharing fewer than {@code minShared}. Ids must be distinct.
     */
    public static List<String> best(String[] ids, int[] shared, int n, int minShared, int limit) {
        int cap = Math.max(0, Math.min(limit, n));
        if (cap == 0) {
            return List.of();
        }
        if (cap > SELECT_MAX) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (shared[i] >= minShared) {
                    all.add(i);
                }
            }
            all.sort((x, y) -> compare(ids[x], shared[x], ids[y], shared[y]));
            List<String> out = new ArrayList<>(Math.min(cap, all.size()));
            for (int r = 0; r < all.size() && r < cap; r++) {
                out.add(ids[all.get(r)]);
            }
            return out;
        }
        int[] top = new int[cap];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (shared[i] < minShared) {
                continue;
            }
            if (kept == cap && compare(ids[i], shared[i], ids[top[cap - 1]], shared[top[cap - 1]]) >= 0) {
                continue;
            }
            int at = kept == cap ? cap - 1 : kept++;
            while (at > 0 && compare(ids[i], shared[i], ids[top[at - 1]], shared[top[at - 1]]) < 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        String[] out = new String[kept];
        for (int r = 0; r < kept; r++) {
            out[r] = ids[top[r]];
        }
        return Arrays.asList(out);
    }
}
