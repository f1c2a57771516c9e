package org.rewriteradar.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.ArticleFingerprint;

/**
 * The value of {@code article-store}: the latest version of an article, its fingerprint, and the
 * history of its versions.
 *
 * @param ref the latest version
 * @param fingerprint the latest version's fingerprint
 * @param versions every version seen, oldest first
 */
public record StoredArticle(ArticleRef ref, ArticleFingerprint fingerprint, List<Version> versions) {

    /**
     * One version of an article.
     *
     * @param version version number, from 1
     * @param textHash stable hash of the normalised text
     * @param publishedAt the version's publication time
     * @param characters length of the normalised text
     */
    public record Version(int version, long textHash, Instant publishedAt, int characters) {}

    public static StoredArticle first(ArticleRef ref, ArticleFingerprint fingerprint) {
        return new StoredArticle(ref, fingerprint, List.of(versionOf(ref, fingerprint)));
    }

    /** This article with {@code next} as its newest version. */
    public StoredArticle revise(ArticleRef next, ArticleFingerprint nextFingerprint) {
        List<Version> history = new ArrayList<>(versions);
        history.add(versionOf(next, nextFingerprint));
        return new StoredArticle(next, nextFingerprint, List.copyOf(history));
    }

    private static Version versionOf(ArticleRef ref, ArticleFingerprint fingerprint) {
        return new Version(
                ref.version(),
                fingerprint.textHash(),
                ref.publishedAt(),
                fingerprint.text().length());
    }
}
