package org.rewriteradar.streams;

import java.util.List;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.ArticleFingerprint;

/**
 * An article sent to be scored against its candidates that live on one partition: the value of the
 * {@code scoring-requests} repartition topic ({@link Partitions#SCORING}), keyed by the article's id. The
 * article travels once per partition, whatever the number of its candidates there; each candidate is
 * read from that partition's {@code article-store}.
 *
 * @param ref the article version
 * @param fingerprint its fingerprint
 * @param candidates ids of its candidates on the destination partition, best ranked first; each was
 *     already in a bucket the article joined (on equal publication times, the original)
 * @param storyRequests when story alerts are on ({@link org.rewriteradar.similarity.DetectionSettings.Stories}),
 *     the number of requests sent for this article version, each answered by a {@link StoryReply}; else 0
 */
record ScoringRequest(ArticleRef ref, ArticleFingerprint fingerprint, List<String> candidates, int storyRequests) {

    /** A request of a round without stories. */
    ScoringRequest(ArticleRef ref, ArticleFingerprint fingerprint, List<String> candidates) {
        this(ref, fingerprint, candidates, 0);
    }
}
