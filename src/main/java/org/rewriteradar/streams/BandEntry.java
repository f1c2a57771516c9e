package org.rewriteradar.streams;

/**
 * An article's membership in one LSH bucket: the value of the {@code article-bands} repartition topic
 * (key: the band key) and an element of a {@link Bucket}.
 *
 * @param articleId the member article
 * @param publishedAtMillis its publication time, epoch milliseconds (for retention)
 * @param version the article version these keys belong to
 * @param keys how many band keys this version has (how many bucket replies its lookup waits for)
 */
public record BandEntry(String articleId, long publishedAtMillis, int version, int keys) {}
