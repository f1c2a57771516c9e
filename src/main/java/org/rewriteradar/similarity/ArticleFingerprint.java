package org.rewriteradar.similarity;

/**
 * Everything the engine keeps about one article version: its normalised text and the fingerprints
 * computed from it. Stored in state stores, so every field is plain data (Jackson-serialisable) and
 * every hash is seeded and stable across JVMs and machines.
 *
 * @param id article id
 * @param text normalised plain text (HTML and page furniture removed); evidence offsets point into it
 * @param textHash stable 64-bit hash of {@code text}; equal hashes mean an identical re-send
 * @param tokens number of word tokens in {@code text}
 */
public record ArticleFingerprint(String id, String text, long textHash, int tokens) {}
