package org.rewriteradar.query;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteKind;

/**
 * Which alerts a reader wants ({@code GET /alerts}, {@code GET /alerts/stream}): every condition set must hold.
 *
 * @param kinds the alert's kind is one of these (empty: any)
 * @param source the rewrite's or the original's {@code source}, ignoring case (null: any)
 * @param since detected at or after (null: no bound)
 * @param until detected before (null: no bound)
 */
public record AlertQuery(Set<RewriteKind> kinds, String source, Instant since, Instant until) {

    /** Every alert. */
    public static final AlertQuery ALL = new AlertQuery(Set.of(), null, null, null);

    public AlertQuery {
        kinds = Set.copyOf(kinds);
    }

    public boolean matches(RewriteAlert alert) {
        if (!kinds.isEmpty() && !kinds.contains(alert.kind())) {
            return false;
        }
        if (source != null
                && !sourceIs(alert.article().source())
                && !sourceIs(alert.original().source())) {
            return false;
        }
        Instant at = alert.detectedAt();
        if (since != null && (at == null || at.isBefore(since))) {
            return false;
        }
        return until == null || (at != null && at.isBefore(until));
    }

    private boolean sourceIs(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).equals(source.toLowerCase(Locale.ROOT));
    }
}
