package org.rewriteradar.streams;

import java.util.List;

/**
 * What one scoring partition found of an article's story: the value of the {@code story-replies}
 * repartition topic, keyed by the article's id, one per {@link ScoringRequest} of a story round ({@link
 * ScoringRequest#storyRequests()}), gathered by {@link StoryCollector} on the article's partition.
 *
 * @param articleId the article scored
 * @param version its version
 * @param requests the scoring requests of the round: replies to expect
 * @param settled whether this partition settled the article without a story: one of its pairs alerted with
 *     the article as the rewrite, or was scored before (the article was judged then)
 * @param members the earlier articles scored here that hold enough of the article's shingles to count as
 *     versions of a story ({@link org.rewriteradar.similarity.DetectionSettings.Stories#memberMin()})
 */
record StoryReply(String articleId, int version, int requests, boolean settled, List<Member> members) {

    /**
     * One earlier article of the story.
     *
     * @param id its id
     * @param source its source (publisher), null when unknown: such an article is a story alone
     * @param shared the article's shingles it holds
     * @param found which of them ({@link org.rewriteradar.similarity.StoryCoverage#found()})
     */
    record Member(String id, String source, int shared, long[] found) {}
}
