package org.rewriteradar.streams;

import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.ArticleFingerprint;

/**
 * A story alert to explain: the value of the {@code story-requests} repartition topic, keyed by the
 * rewrite's id and sent to the partition of the story's best version ({@link Partitions#STORY}), where
 * {@link StoryAlerter} reads that version and builds the alert's evidence.
 *
 * @param rewrite the article rewriting the story
 * @param fingerprint its fingerprint
 * @param original id of the story's version holding most of the article's shingles
 * @param share the article's narrative 5-shingles the story's versions hold together
 * @param versions the story's versions among the article's candidates
 */
record StoryRequest(ArticleRef rewrite, ArticleFingerprint fingerprint, String original, double share, int versions) {}
