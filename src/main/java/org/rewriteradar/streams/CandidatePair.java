package org.rewriteradar.streams;

/**
 * Two articles that collided in an LSH bucket, on their way to be scored. Keyed first by
 * {@code indexedId} (to fetch the indexed article), then by {@code newId} (to score it against the new
 * one); {@code indexed} is filled in on the way.
 *
 * @param indexedId the article that was already in the bucket
 * @param newId the article that just joined the bucket
 * @param indexed the indexed article, once looked up
 */
public record CandidatePair(String indexedId, String newId, StoredArticle indexed) {}
