/**
 * The detection engine: fingerprints of articles, candidate keys for LSH lookup, the scoring of a pair
 * of articles (gate, features, calibrated score, kind, evidence) and the diff of two versions of one
 * article.
 *
 * <p>{@link org.rewriteradar.similarity.RewriteEngine} is the façade; the value types it takes and gives
 * ({@code ArticleFingerprint}, {@code Detection}, {@code MatchedPassage}, {@code RewriteKind}, {@code
 * DetectionSettings}) and the codecs of its state are the package's public API. Everything else is an
 * implementation detail. Pure Java: it uses {@code text} and hash4j, never Kafka, Quarkus or the service
 * packages ({@code LayeringTest} enforces this).
 */
package org.rewriteradar.similarity;
