package org.rewriteradar.streams;

/**
 * An article's membership in one LSH bucket: the value of the {@code article-bands} repartition topic
 * (key: the band key) and an element of a {@link Bucket}.
 *
 * @param articleId the member article
 * @param publishedAtMillis its publication time, epoch milliseconds (for retention)
 */
public record BandEntry(String articleId, long publishedAtMillis) {}
