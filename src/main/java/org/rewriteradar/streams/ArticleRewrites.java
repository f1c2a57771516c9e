package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.List;
import org.rewriteradar.model.RewriteAlert;

/**
 * The value of {@code rewrite-store}: the alerts that name an article, as the rewrite (or new
 * version) and as the original, newest last, at most a configured number of each.
 *
 * @param asRewrite alerts whose {@code article} is this article
 * @param asOriginal alerts whose {@code original} is this article (other articles rewriting it)
 */
public record ArticleRewrites(List<RewriteAlert> asRewrite, List<RewriteAlert> asOriginal) {

    public static final ArticleRewrites EMPTY = new ArticleRewrites(List.of(), List.of());

    /** These rewrites with {@code alert} recorded on the side(s) where {@code articleId} stands. */
    public ArticleRewrites with(String articleId, RewriteAlert alert, int maxPerSide) {
        List<RewriteAlert> rewrite = asRewrite;
        List<RewriteAlert> original = asOriginal;
        if (alert.article().id().equals(articleId)) {
            rewrite = append(rewrite, alert, maxPerSide);
        }
        if (alert.original().id().equals(articleId) && !alert.article().id().equals(articleId)) {
            original = append(original, alert, maxPerSide);
        }
        return new ArticleRewrites(rewrite, original);
    }

    private static List<RewriteAlert> append(List<RewriteAlert> list, RewriteAlert alert, int max) {
        List<RewriteAlert> next = new ArrayList<>(list.size() + 1);
        for (RewriteAlert a : list) {
            if (!a.alertId().equals(alert.alertId())) {
                next.add(a);
            }
        }
        next.add(alert);
        while (next.size() > max) {
            next.remove(0);
        }
        return List.copyOf(next);
    }
}
