package org.rewriteradar.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.streams.ArticleRewrites;
import org.rewriteradar.streams.StoredArticle;

/**
 * What the service knows about one article: its latest version, the history of its versions, a summary
 * of its fingerprint and the rewrites found for it.
 *
 * @param article the latest version
 * @param versions every version seen, oldest first
 * @param fingerprint a summary of the latest version's fingerprint
 * @param rewrites alerts naming this article, as the rewrite and as the original
 * @param servedBy the instance ({@code host:port}) whose state stores answered
 * @param text the latest version's normalised text (the one alert offsets point into), only when asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        ArticleRef article,
        List<StoredArticle.Version> versions,
        FingerprintSummary fingerprint,
        ArticleRewrites rewrites,
        String servedBy,
        String text) {

    /** This view without its text. */
    public ArticleView withoutText() {
        return text == null ? this : new ArticleView(article, versions, fingerprint, rewrites, servedBy, null);
    }

    /**
     * A summary of a fingerprint.
     *
     * @param characters length of the normalised text
     * @param tokens word tokens in the normalised text
     * @param textHash stable hash of the normalised text, hexadecimal
     * @param sentences sentences of the normalised text the alignment compares (the LSH keys that index the
     *     article are not kept once it is indexed)
     */
    public record FingerprintSummary(int characters, int tokens, String textHash, int sentences) {}
}
