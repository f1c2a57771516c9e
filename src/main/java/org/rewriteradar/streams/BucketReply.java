package org.rewriteradar.streams;

import java.util.List;

/**
 * One bucket's answer to an article that joined it: the bucket's other members at that moment. Value of
 * the {@code bucket-replies} repartition topic, keyed by the joining article's id, where the replies of
 * all its buckets are gathered ({@link CandidateCollector}).
 *
 * @param articleId the article that joined the bucket
 * @param version its version
 * @param keys how many buckets the article joined (replies to wait for)
 * @param members the bucket's other members
 */
public record BucketReply(String articleId, int version, int keys, List<String> members) {}
