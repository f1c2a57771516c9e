package org.rewriteradar.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.rewriteradar.model.RewriteAlert;

/**
 * The value of {@code rewrite-store}: the alerts that name an article, as the rewrite (or new
 * version) and as the original, newest last, at most a configured number of each and a configured number of
 * bytes in all (as JSON, the store's format).
 *
 * @param asRewrite alerts whose {@code article} is this article
 * @param asOriginal alerts whose {@code original} is this article (other articles rewriting it)
 */
public record ArticleRewrites(List<RewriteAlert> asRewrite, List<RewriteAlert> asOriginal) {

    public static final ArticleRewrites EMPTY = new ArticleRewrites(List.of(), List.of());

    /** The JSON of {@link #EMPTY}, {@code {"asRewrite":[],"asOriginal":[]}}: the bytes around the alerts. */
    private static final int FRAME_BYTES = jsonBytes(EMPTY);

    /**
     * What {@link #with} made: the rewrites, and how many older alerts it dropped for each bound.
     *
     * @param rewrites the new value
     * @param droppedOverCount older alerts dropped because their side held {@code maxPerSide}
     * @param droppedOverBytes older alerts dropped because the value would have been over {@code maxBytes}
     */
    record Added(ArticleRewrites rewrites, int droppedOverCount, int droppedOverBytes) {}

    /**
     * These rewrites with {@code alert} recorded on the side(s) where {@code articleId} stands (in place of
     * an alert of the same id), newest last. Then the oldest alerts are dropped: of a side holding more
     * than {@code maxPerSide}; and while the value's JSON ({@link JsonSerdes#MAPPER}, as {@code
     * rewrite-store} writes it) is over {@code maxBytes}, of the side the alert joined, then of the other.
     * The alert just recorded is never dropped: alone over {@code maxBytes}, it is kept alone (it was
     * written to the alert topics as it is).
     */
    Added with(String articleId, RewriteAlert alert, int maxPerSide, int maxBytes) {
        boolean asArticle = alert.article().id().equals(articleId);
        boolean asOrig = alert.original().id().equals(articleId) && !asArticle;
        List<RewriteAlert> joined = asArticle ? append(asRewrite, alert) : asOrig ? append(asOriginal, alert) : null;
        if (joined == null) {
            return new Added(this, 0, 0);
        }
        List<RewriteAlert> other = new ArrayList<>(asArticle ? asOriginal : asRewrite);
        int overCount = dropOldest(joined, joined.size() - maxPerSide) + dropOldest(other, other.size() - maxPerSide);

        long[] joinedBytes = sizes(joined);
        long[] otherBytes = sizes(other);
        long bytes = FRAME_BYTES + sum(joinedBytes) + sum(otherBytes);
        int fromJoined = 0;
        while (bytes > maxBytes && fromJoined < joined.size() - 1) {
            bytes -= joinedBytes[fromJoined++];
        }
        int fromOther = 0;
        while (bytes > maxBytes && fromOther < other.size()) {
            bytes -= otherBytes[fromOther++];
        }
        dropOldest(joined, fromJoined);
        dropOldest(other, fromOther);
        ArticleRewrites next = asArticle
                ? new ArticleRewrites(List.copyOf(joined), List.copyOf(other))
                : new ArticleRewrites(List.copyOf(other), List.copyOf(joined));
        return new Added(next, overCount, fromJoined + fromOther);
    }

    private static List<RewriteAlert> append(List<RewriteAlert> list, RewriteAlert alert) {
        List<RewriteAlert> next = new ArrayList<>(list.size() + 1);
        for (RewriteAlert a : list) {
            if (!a.alertId().equals(alert.alertId())) {
                next.add(a);
            }
        }
        next.add(alert);
        return next;
    }

    /** Removes the first {@code n} (when positive) of {@code list}; how many it removed. */
    private static int dropOldest(List<RewriteAlert> list, int n) {
        if (n <= 0) {
            return 0;
        }
        list.subList(0, n).clear();
        return n;
    }

    /**
     * Each alert's JSON bytes, the comma after each but the last counted with it: dropping the oldest ones
     * takes exactly their sizes off the value's.
     */
    private static long[] sizes(List<RewriteAlert> alerts) {
        long[] out = new long[alerts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = jsonBytes(alerts.get(i)) + (i < out.length - 1 ? 1 : 0);
        }
        return out;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static int jsonBytes(Object value) {
        try {
            return JsonSerdes.MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
