package org.rewriteradar.streams;

/**
 * An article's membership in one LSH bucket: a value of {@code bucket-store} ({@link BucketIndex}).
 *
 * @param articleId the member article
 * @param publishedAtMillis its publication time, epoch milliseconds
 * @param indexedAtMillis wall-clock time, epoch milliseconds, at which the member's version was stored
 */
record BucketMember(String articleId, long publishedAtMillis, long indexedAtMillis) {}
