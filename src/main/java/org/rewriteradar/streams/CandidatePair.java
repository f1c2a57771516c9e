package org.rewriteradar.streams;

/**
 * Two articles that collided in an LSH bucket, on their way to be scored. A pair is named the same way
 * whichever bucket it met in and whichever article arrived first: {@code firstId} is the smaller id.
 * Keyed first by {@code firstId} (to drop repeats and fetch that article), then by {@code secondId} (to
 * score it against the other); {@code first} is filled in on the way.
 *
 * @param firstId the lexicographically smaller id
 * @param secondId the larger id
 * @param indexedId the one that was already in the bucket (arrived first; breaks publication-time ties)
 * @param first the article {@code firstId}, once looked up
 */
public record CandidatePair(String firstId, String secondId, String indexedId, StoredArticle first) {

    /** The pair of an article already in a bucket and one joining it. */
    public static CandidatePair of(String indexedId, String joiningId) {
        boolean indexedFirst = indexedId.compareTo(joiningId) < 0;
        return new CandidatePair(
                indexedFirst ? indexedId : joiningId, indexedFirst ? joiningId : indexedId, indexedId, null);
    }

    /** The key under which {@code pair-store} remembers that this pair was scored. */
    public String storeKey() {
        return firstId + '\u0000' + secondId;
    }

    public CandidatePair withFirst(StoredArticle article) {
        return new CandidatePair(firstId, secondId, indexedId, article);
    }
}
