package org.rewriteradar.streams;

/**
 * An article's membership in one LSH bucket: the value of the {@code article-bands} repartition topic
 * (key: the band key) and an element of a {@link Bucket}.
 *
 * @param articleId the member article
 * @param publishedAtMillis its publication time, epoch milliseconds: two members are compared only when
 *     their publication times lie within the retention window of each other
 * @param version the article version these keys belong to
 * @param keys how many band keys this version has (how many bucket replies its lookup waits for)
 * @param indexedAtMillis wall-clock time, epoch milliseconds, at which this version was stored: the
 *     membership leaves its bucket once the retention has passed since then, as the article leaves
 *     {@code article-store}
 */
public record BandEntry(String articleId, long publishedAtMillis, int version, int keys, long indexedAtMillis) {

    /** An entry indexed at its publication time (tests; records of binary format 1, which had no indexing time). */
    public BandEntry(String articleId, long publishedAtMillis, int version, int keys) {
        this(articleId, publishedAtMillis, version, keys, publishedAtMillis);
    }
}
