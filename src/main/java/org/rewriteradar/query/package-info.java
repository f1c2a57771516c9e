/**
 * Interactive queries over the partitioned stores: answers for an article from the local stores or from
 * the instance that owns it, and recent alerts gathered from every instance, over HTTP between instances.
 *
 * <p>May use {@code streams} and below, and {@code security}'s roles; only {@code api} uses it.
 */
package org.rewriteradar.query;
