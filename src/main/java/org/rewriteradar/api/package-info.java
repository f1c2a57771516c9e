/**
 * The HTTP API: article ingest through a Reactive Messaging emitter, the article and alert queries, the live
 * alert feed (Server-Sent Events fed by a Reactive Messaging consumer), problem bodies for refusals, and the
 * metrics of the HTTP edges. The review page it serves is static ({@code META-INF/resources/review}).
 *
 * <p>The top layer: may use every other package; nothing depends on it.
 */
package org.rewriteradar.api;
