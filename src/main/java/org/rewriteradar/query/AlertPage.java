package org.rewriteradar.query;

import java.util.List;
import org.rewriteradar.model.RewriteAlert;

/**
 * One page of alerts, newest first ({@code detectedAt} descending, then {@code alertId}).
 *
 * @param alerts the alerts of this page
 * @param offset how many matching alerts come before this page
 * @param limit the page size asked for
 * @param more whether more matching alerts follow this page
 */
public record AlertPage(List<RewriteAlert> alerts, int offset, int limit, boolean more) {}
