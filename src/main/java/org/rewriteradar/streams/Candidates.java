package org.rewriteradar.streams;

import java.util.HashMap;
import java.util.Map;

/**
 * The value of {@code candidate-store}: the bucket replies gathered so far for one article version,
 * counting for each other article how many buckets it shares with this one.
 *
 * @param version the article version being gathered for
 * @param keys replies expected
 * @param received replies received so far
 * @param shared other article id → buckets shared
 */
public record Candidates(int version, int keys, int received, Map<String, Integer> shared) {

    static Candidates start(BucketReply reply) {
        return new Candidates(reply.version(), reply.keys(), 0, Map.of());
    }

    /** These candidates with one more reply counted. */
    Candidates plus(BucketReply reply) {
        Map<String, Integer> next = new HashMap<>(shared);
        for (String member : reply.members()) {
            next.merge(member, 1, Integer::sum);
        }
        return new Candidates(version, keys, received + 1, next);
    }

    boolean complete() {
        return received >= keys;
    }
}
