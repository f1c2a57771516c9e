/**
 * The events the service reads and writes: {@code ArticleEvent} on {@code articles}, {@code RewriteAlert}
 * (with its {@code ArticleRef}s) on {@code rewrite-alerts}. Records serialised as JSON with Jackson.
 *
 * <p>May use {@code similarity}'s value types (kinds, matched passages); never the service packages.
 */
package org.rewriteradar.model;
