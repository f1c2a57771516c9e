/**
 * Interactive queries over the partitioned stores: answers for an article from the local stores or from
 * the instance that owns it, over HTTP.
 *
 * <p>The top layer: may use every other package; nothing depends on it.
 */
package org.rewriteradar.query;
