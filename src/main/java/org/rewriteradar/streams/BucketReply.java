package org.rewriteradar.streams;

import java.util.Map;

/**
 * One partition's buckets' answer to a {@link BandProbe}: the other members of the probed buckets and how
 * many of those buckets each shares with the article. Value of the {@code bucket-replies} repartition
 * topic, keyed by the article's id, where the replies of all its probes are gathered ({@link
 * CandidateCollector}).
 *
 * @param articleId the article that probed
 * @param version its version
 * @param keyCount how many band keys the version has in all
 * @param probes how many replies the version's candidates step waits for
 * @param shared member article id → number of the probed buckets it is in, for members published at or
 *     before the article
 * @param later the same for members published after it (the article arrived after them)
 */
record BucketReply(
        String articleId,
        int version,
        int keyCount,
        int probes,
        Map<String, Integer> shared,
        Map<String, Integer> later) {

    /** A reply without later-published members. */
    BucketReply(String articleId, int version, int keyCount, int probes, Map<String, Integer> shared) {
        this(articleId, version, keyCount, probes, shared, Map.of());
    }
}
